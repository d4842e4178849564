package com.alphintra.infra.hcl;

import java.util.List;

/** {@code %{ if cond }...%{ else }...%{ endif }}; {@code whenFalse} is empty without an else. */
public record TemplateIf(
    Expression condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse, Range range)
    implements TemplatePart {

  public TemplateIf {
    whenTrue = List.copyOf(whenTrue);
    whenFalse = List.copyOf(whenFalse);
  }
}
