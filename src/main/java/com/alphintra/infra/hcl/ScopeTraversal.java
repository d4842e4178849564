package com.alphintra.infra.hcl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A plain reference: a root variable name and constant steps, such as {@code module.gke.name} or
 * {@code local.subnets[0]}. The static view of an expression that rules use to follow references.
 */
public record ScopeTraversal(String root, List<TraversalStep> steps, Range range) {

  public ScopeTraversal {
    steps = List.copyOf(steps);
  }

  /** The expression as a traversal, if it is one. */
  public static Optional<ScopeTraversal> of(Expression expression) {
    List<TraversalStep> reversed = new ArrayList<>();
    Expression current = expression;
    while (true) {
      if (current instanceof VariableExpr variable) {
        Collections.reverse(reversed);
        return Optional.of(new ScopeTraversal(variable.name(), reversed, expression.range()));
      } else if (current instanceof GetAttrExpr get) {
        reversed.add(new AttributeStep(get.name(), get.nameRange()));
        current = get.object();
      } else if (current instanceof IndexExpr index && constantStep(index).isPresent()) {
        reversed.add(constantStep(index).get());
        current = index.collection();
      } else {
        return Optional.empty();
      }
    }
  }

  private static Optional<TraversalStep> constantStep(IndexExpr index) {
    if (index.key() instanceof NumberLiteral number) {
      return Optional.of(new IndexStep(number.text(), true, number.range()));
    }
    if (index.key() instanceof TemplateExpr template && template.literalValue().isPresent()) {
      return Optional.of(new IndexStep(template.literalValue().get(), false, template.range()));
    }
    return Optional.empty();
  }

  /** The attribute name of the step at the given position, if that step is an attribute access. */
  public Optional<String> attribute(int step) {
    if (step < 0 || step >= steps.size() || !(steps.get(step) instanceof AttributeStep attribute)) {
      return Optional.empty();
    }
    return Optional.of(attribute.name());
  }

  /**
   * The reference as written in a normalised form: {@code local.x[0].y}, {@code var.tags["env"]}.
   */
  public String path() {
    StringBuilder out = new StringBuilder(root);
    for (TraversalStep step : steps) {
      if (step instanceof AttributeStep attribute) {
        out.append('.').append(attribute.name());
      } else if (step instanceof IndexStep index) {
        out.append('[').append(index.numeric() ? index.key() : '"' + index.key() + '"').append(']');
      }
    }
    return out.toString();
  }
}
