package com.alphintra.infra.hcl;

import java.util.Optional;

/**
 * One {@code key = value} (or {@code key: value}) element of an object constructor.
 *
 * <p>A bare identifier key is a {@link VariableExpr} in the tree but means the literal name (HCL's
 * rule); a parenthesised key is a {@link ParenthesesExpr} and is evaluated. {@link #keyName()}
 * applies the rule.
 */
public record ObjectItem(Expression key, Expression value, Range range) implements Node {

  /** The key when it is statically a name: a bare identifier or a literal string. */
  public Optional<String> keyName() {
    if (key instanceof VariableExpr variable) {
      return Optional.of(variable.name());
    }
    if (key instanceof TemplateExpr template) {
      return template.literalValue();
    }
    return Optional.empty();
  }
}
