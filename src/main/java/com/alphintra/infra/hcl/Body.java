package com.alphintra.infra.hcl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The content of a file or of a block: attributes and nested blocks, each list in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks, Range range) implements Node {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attribute with the given name; HCL allows each name once per body. */
  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The nested blocks of the given type, in source order. */
  public List<Block> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }

  /** Attributes and blocks interleaved as they appear in the source. */
  public List<Node> items() {
    List<Node> items = new ArrayList<>(attributes);
    items.addAll(blocks);
    items.sort(Comparator.comparingInt(n -> n.range().start().offset()));
    return List.copyOf(items);
  }
}
