package com.alphintra.infra.hcl;

import java.util.List;
import java.util.Optional;

/**
 * A quoted string ({@code "a-${b}"}), a heredoc or a standalone template: literal text,
 * interpolations and directives. Escapes are decoded, heredoc indentation and strip markers ({@code
 * ~}) already applied.
 */
public record TemplateExpr(List<TemplatePart> parts, boolean heredoc, Range range)
    implements Expression {

  public TemplateExpr {
    parts = List.copyOf(parts);
  }

  /** The string when the template is only literal text (an empty template is the empty string). */
  public Optional<String> literalValue() {
    if (parts.isEmpty()) {
      return Optional.of("");
    }
    if (parts.size() == 1 && parts.get(0) instanceof TemplateLiteral literal) {
      return Optional.of(literal.value());
    }
    return Optional.empty();
  }

  /**
   * The single interpolated expression when the template is exactly {@code "${expr}"}: HCL then
   * yields the expression's value unchanged rather than a string.
   */
  public Optional<Expression> unwrapped() {
    if (parts.size() == 1 && parts.get(0) instanceof TemplateInterpolation interpolation) {
      return Optional.of(interpolation.expression());
    }
    return Optional.empty();
  }
}
