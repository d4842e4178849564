package com.alphintra.infra.hcl;

import java.util.List;

/**
 * {@code type label* { body }}, with the ranges of each part so a message can point at the exact
 * label or brace.
 */
public record Block(
    String type,
    Range typeRange,
    List<BlockLabel> labels,
    Body body,
    Range openBraceRange,
    Range closeBraceRange,
    Range range)
    implements Node {

  public Block {
    labels = List.copyOf(labels);
  }

  /** The label values, without their ranges. */
  public List<String> labelValues() {
    return labels.stream().map(BlockLabel::value).toList();
  }
}
