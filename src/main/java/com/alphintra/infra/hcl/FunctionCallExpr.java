package com.alphintra.infra.hcl;

import java.util.List;

/**
 * {@code name(args)}; {@code expandFinal} is set for {@code f(list...)}. Provider functions keep
 * their namespaced name ({@code provider::google::region_from_zone}).
 */
public record FunctionCallExpr(
    String name, Range nameRange, List<Expression> arguments, boolean expandFinal, Range range)
    implements Expression {

  public FunctionCallExpr {
    arguments = List.copyOf(arguments);
  }
}
