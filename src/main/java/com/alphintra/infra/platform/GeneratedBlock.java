package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.terraform.Value;
import java.util.Map;

/**
 * One nested block as Terraform generates it: a block written out, or one element of a {@code
 * dynamic} block's {@code for_each}, with the names its {@code content} sees.
 *
 * @param body the block's body (a dynamic block's {@code content})
 * @param symbols the iterator ({@code database_flags.key}, {@code database_flags.value}); empty for
 *     a block written out
 * @param range where the block, or the dynamic block that generates it, is written
 */
public record GeneratedBlock(Body body, Map<String, Value> symbols, Range range) {

  public GeneratedBlock {
    symbols = Map.copyOf(symbols);
  }
}
