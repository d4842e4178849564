package com.alphintra.infra.check.rules.tf;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.BinaryExpr;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.ConditionalExpr;
import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.ForExpr;
import com.alphintra.infra.hcl.FunctionCallExpr;
import com.alphintra.infra.hcl.GetAttrExpr;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.IndexExpr;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.ObjectItem;
import com.alphintra.infra.hcl.ParenthesesExpr;
import com.alphintra.infra.hcl.ScopeTraversal;
import com.alphintra.infra.hcl.SplatExpr;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.hcl.TemplateFor;
import com.alphintra.infra.hcl.TemplateIf;
import com.alphintra.infra.hcl.TemplateInterpolation;
import com.alphintra.infra.hcl.TemplatePart;
import com.alphintra.infra.hcl.TupleExpr;
import com.alphintra.infra.hcl.UnaryExpr;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.TerraformModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The references of one root name ({@code var}, {@code local}, {@code module}) in every expression
 * of a module, found in one walk over its syntax trees.
 */
public final class References {

  private static final java.util.Set<String> STATE_OPERATIONS =
      java.util.Set.of("moved", "removed", "import");

  private References() {}

  /**
   * A finding for every {@code root.NAME} in any module whose NAME is not among {@code
   * defined(module)}: what tf-variable-declared and tf-local-declared share. The message names the
   * reference, says it is not {@code verb} ("declared", "defined") in the module, and {@code
   * missing(NAME)}, what the module lacks.
   */
  static List<Finding> undefined(
      Platform platform,
      RuleInfo info,
      String root,
      String verb,
      Function<TerraformModule, Set<String>> defined,
      UnaryOperator<String> missing) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : platform.terraform().modules()) {
      Set<String> names = defined.apply(module);
      for (ScopeTraversal reference : of(module, root)) {
        reference
            .attribute(0)
            .filter(name -> !names.contains(name))
            .ifPresent(
                name ->
                    findings.add(
                        Finding.of(
                            info,
                            reference.range().file(),
                            reference.range().start().line(),
                            root + "." + name,
                            root
                                + "."
                                + name
                                + " is not "
                                + verb
                                + " in "
                                + platform.terraform().relative(module.directory())
                                + " ("
                                + missing.apply(name)
                                + ")")));
      }
    }
    return findings;
  }

  /** Every traversal rooted at {@code root} in the module's files, in source order. */
  static List<ScopeTraversal> of(TerraformModule module, String root) {
    List<ScopeTraversal> found = new ArrayList<>();
    for (HclFile file : module.files()) {
      for (Attribute attribute : file.body().attributes()) {
        expression(attribute.value(), root, found);
      }
      for (Block block : file.body().blocks()) {
        // moved and removed name addresses of the state, not values of the configuration
        if (!STATE_OPERATIONS.contains(block.type())) {
          body(block.body(), root, found);
        }
      }
    }
    return found;
  }

  /** Every traversal rooted at {@code root} in {@code expression}, in source order. */
  public static List<ScopeTraversal> in(Expression expression, String root) {
    List<ScopeTraversal> found = new ArrayList<>();
    expression(expression, root, found);
    return found;
  }

  private static void body(Body body, String root, List<ScopeTraversal> found) {
    for (Attribute attribute : body.attributes()) {
      expression(attribute.value(), root, found);
    }
    for (Block block : body.blocks()) {
      body(block.body(), root, found);
    }
  }

  private static void expression(Expression expression, String root, List<ScopeTraversal> found) {
    var traversal = expression.asTraversal();
    if (traversal.isPresent() && traversal.get().root().equals(root)) {
      found.add(traversal.get());
      return;
    }
    if (expression instanceof TemplateExpr template) {
      parts(template.parts(), root, found);
    } else if (expression instanceof TupleExpr tuple) {
      tuple.elements().forEach(e -> expression(e, root, found));
    } else if (expression instanceof ObjectExpr object) {
      for (ObjectItem item : object.items()) {
        expression(item.key(), root, found);
        expression(item.value(), root, found);
      }
    } else if (expression instanceof FunctionCallExpr call) {
      call.arguments().forEach(e -> expression(e, root, found));
    } else if (expression instanceof IndexExpr index) {
      expression(index.collection(), root, found);
      expression(index.key(), root, found);
    } else if (expression instanceof GetAttrExpr get) {
      expression(get.object(), root, found);
    } else if (expression instanceof SplatExpr splat) {
      expression(splat.source(), root, found);
      expression(splat.each(), root, found);
    } else if (expression instanceof ForExpr forExpr) {
      expression(forExpr.collection(), root, found);
      forExpr.keyExpression().ifPresent(e -> expression(e, root, found));
      expression(forExpr.valueExpression(), root, found);
      forExpr.condition().ifPresent(e -> expression(e, root, found));
    } else if (expression instanceof ConditionalExpr conditional) {
      expression(conditional.condition(), root, found);
      expression(conditional.whenTrue(), root, found);
      expression(conditional.whenFalse(), root, found);
    } else if (expression instanceof UnaryExpr unary) {
      expression(unary.operand(), root, found);
    } else if (expression instanceof BinaryExpr binary) {
      expression(binary.left(), root, found);
      expression(binary.right(), root, found);
    } else if (expression instanceof ParenthesesExpr parentheses) {
      expression(parentheses.inner(), root, found);
    }
    // literals, plain variables and splat items hold no reference
  }

  private static void parts(List<TemplatePart> parts, String root, List<ScopeTraversal> found) {
    for (TemplatePart part : parts) {
      if (part instanceof TemplateInterpolation interpolation) {
        expression(interpolation.expression(), root, found);
      } else if (part instanceof TemplateIf templateIf) {
        expression(templateIf.condition(), root, found);
        parts(templateIf.whenTrue(), root, found);
        parts(templateIf.whenFalse(), root, found);
      } else if (part instanceof TemplateFor templateFor) {
        expression(templateFor.collection(), root, found);
        parts(templateFor.body(), root, found);
      }
    }
  }
}
