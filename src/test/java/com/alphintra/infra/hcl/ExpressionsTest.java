package com.alphintra.infra.hcl;

import static com.alphintra.infra.hcl.SourceRanges.FILE;
import static com.alphintra.infra.hcl.SourceRanges.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec section "Expressions": every expression form, precedence, and the traversal view. */
class ExpressionsTest {

  private static Expression parse(String source) {
    return HclParser.parseExpression(source, FILE);
  }

  /** Renders an expression with explicit parentheses, to pin precedence and associativity. */
  private static String shape(Expression e) {
    if (e instanceof BinaryExpr b) {
      return "(" + shape(b.left()) + " " + b.operator().symbol() + " " + shape(b.right()) + ")";
    }
    if (e instanceof UnaryExpr u) {
      return "(" + u.operator().symbol() + shape(u.operand()) + ")";
    }
    if (e instanceof ConditionalExpr c) {
      return "("
          + shape(c.condition())
          + " ? "
          + shape(c.whenTrue())
          + " : "
          + shape(c.whenFalse())
          + ")";
    }
    if (e instanceof NumberLiteral n) {
      return n.text();
    }
    if (e instanceof ParenthesesExpr p) {
      return shape(p.inner());
    }
    return e.asTraversal().map(ScopeTraversal::path).orElse(e.getClass().getSimpleName());
  }

  @Test
  void literalValues() {
    assertThat(parse("42")).isEqualTo(new NumberLiteral("42", range(1, 3)));
    assertThat(((NumberLiteral) parse("1.5e3")).value())
        .contains(new java.math.BigDecimal("1.5e3"));
    assertThat(parse("true")).isEqualTo(new BoolLiteral(true, range(1, 5)));
    assertThat(parse("false")).isEqualTo(new BoolLiteral(false, range(1, 6)));
    assertThat(parse("null")).isEqualTo(new NullLiteral(range(1, 5)));
  }

  @Test
  void binaryOperatorsFollowTheSpecPrecedence() {
    assertThat(shape(parse("a || b && c == d < e + f * g")))
        .isEqualTo("(a || (b && (c == (d < (e + (f * g))))))");
    assertThat(shape(parse("a * b + c > d != e && f || g")))
        .isEqualTo("((((((a * b) + c) > d) != e) && f) || g)");
    assertThat(shape(parse("x / y * z"))).isEqualTo("((x / y) * z)");
    assertThat(shape(parse("a - b - c"))).isEqualTo("((a - b) - c)");
    assertThat(shape(parse("a % b <= c >= d"))).isEqualTo("(((a % b) <= c) >= d)");
    assertThat(shape(parse("(a + b) * c"))).isEqualTo("((a + b) * c)");
  }

  @Test
  void unaryOperatorsBindTighterThanBinaryOnes() {
    assertThat(shape(parse("-a + b"))).isEqualTo("((-a) + b)");
    assertThat(shape(parse("!a && !b"))).isEqualTo("((!a) && (!b))");
    assertThat(shape(parse("- -1"))).isEqualTo("(-(-1))");
    assertThat(shape(parse("-a.b"))).isEqualTo("(-a.b)");
  }

  @Test
  void conditionalsNestToTheRight() {
    assertThat(shape(parse("a ? b : c ? d : e"))).isEqualTo("(a ? b : (c ? d : e))");
    assertThat(shape(parse("a == 1 ? b + 1 : c"))).isEqualTo("((a == 1) ? (b + 1) : c)");
  }

  @Test
  void wholeTreeOfAConditionalWithExactRanges() {
    Expression expected =
        new ConditionalExpr(
            new BinaryExpr(
                BinaryOperator.EQUAL,
                new GetAttrExpr(
                    new VariableExpr("var", range(1, 4)), "env", range(5, 8), range(1, 8)),
                new TemplateExpr(
                    List.of(new TemplateLiteral("prod", range(13, 17))), false, range(12, 18)),
                range(1, 18)),
            new NumberLiteral("3", range(21, 22)),
            new NumberLiteral("1", range(25, 26)),
            range(1, 26));
    assertThat(parse("var.env == \"prod\" ? 3 : 1")).isEqualTo(expected);
  }

  @Test
  void tuplesAllowNewlinesAndATrailingComma() {
    TupleExpr tuple = (TupleExpr) parse("[\n  1,\n  \"a\",\n  b,\n]");
    assertThat(tuple.elements()).hasSize(3);
    assertThat(((TupleExpr) parse("[]")).elements()).isEmpty();
  }

  @Test
  void objectKeysAreNamesStringsOrParenthesisedExpressions() {
    ObjectExpr object = (ObjectExpr) parse("{\n  name = 1\n  \"with space\": 2, (var.key) = 3\n}");
    assertThat(object.items())
        .extracting(ObjectItem::keyName)
        .containsExactly(Optional.of("name"), Optional.of("with space"), Optional.empty());
    assertThat(object.items().get(2).key()).isInstanceOf(ParenthesesExpr.class);
    assertThat(object.get("name")).contains(new NumberLiteral("1", range(2, 10, 11, 2)));
  }

  @Test
  void objectsNeedCommasOrNewlinesBetweenItems() {
    assertThatThrownBy(() -> parse("{ a = 1 b = 2 }"))
        .hasMessageStartingWith("test.hcl:1:9: Missing attribute separator");
    assertThatThrownBy(() -> parse("{ for = 1 }")).isInstanceOf(HclParseException.class);
  }

  @Test
  void functionCallsWithExpansionAndProviderNamespaces() {
    FunctionCallExpr call = (FunctionCallExpr) parse("concat(a,\n b...)");
    assertThat(call.name()).isEqualTo("concat");
    assertThat(call.arguments()).hasSize(2);
    assertThat(call.expandFinal()).isTrue();
    FunctionCallExpr provider =
        (FunctionCallExpr) parse("provider::google::region_from_zone(\"x\")");
    assertThat(provider.name()).isEqualTo("provider::google::region_from_zone");
    assertThat(provider.nameRange()).isEqualTo(range(1, 35));
    assertThat(((FunctionCallExpr) parse("timestamp()")).arguments()).isEmpty();
    assertThatThrownBy(() -> parse("f(a... , b)"))
        .hasMessageStartingWith("test.hcl:1:8: Missing closing parenthesis");
  }

  @Test
  void indexAttributeAndLegacyIndexAccess() {
    assertThat(parse("local.subnets[0].cidr").asTraversal())
        .map(ScopeTraversal::path)
        .contains("local.subnets[0].cidr");
    assertThat(parse("var.tags[\"env\"]").asTraversal())
        .map(ScopeTraversal::path)
        .contains("var.tags[\"env\"]");
    Expression legacy = parse("aws_instance.web.0.id");
    assertThat(legacy.asTraversal()).map(ScopeTraversal::path).contains("aws_instance.web[0].id");
    assertThat(((GetAttrExpr) legacy).object()).isInstanceOf(IndexExpr.class);
    assertThat(parse("a[b]").asTraversal()).isEmpty();
    assertThatThrownBy(() -> parse("a.0.1"))
        .hasMessageStartingWith("test.hcl:1:3: Invalid legacy index");
  }

  @Test
  void traversalViewGivesRootAndSteps() {
    ScopeTraversal traversal = parse("module.gke.name").asTraversal().orElseThrow();
    assertThat(traversal.root()).isEqualTo("module");
    assertThat(traversal.attribute(0)).contains("gke");
    assertThat(traversal.attribute(1)).contains("name");
    assertThat(traversal.steps())
        .containsExactly(
            new AttributeStep("gke", range(8, 11)), new AttributeStep("name", range(12, 16)));
    IndexStep index = (IndexStep) parse("local.x[3]").asTraversal().orElseThrow().steps().get(1);
    assertThat(index.asIndex()).hasValue(3);
    assertThat(parse("f(x).y").asTraversal()).isEmpty();
  }

  @Test
  void splatsBuildTheirPerElementExpression() {
    SplatExpr attr = (SplatExpr) parse("google_compute_subnetwork.this.*.id");
    assertThat(attr.full()).isFalse();
    assertThat(attr.source().asTraversal())
        .map(ScopeTraversal::path)
        .contains("google_compute_subnetwork.this");
    assertThat(attr.each())
        .isEqualTo(
            new GetAttrExpr(new SplatItemExpr(range(31, 33)), "id", range(34, 36), range(31, 36)));
    SplatExpr full = (SplatExpr) parse("var.pools[*].tags[0]");
    assertThat(full.full()).isTrue();
    assertThat(full.each()).isInstanceOf(IndexExpr.class);
    IndexExpr afterAttrSplat = (IndexExpr) parse("var.pools.*.name[0]");
    assertThat(afterAttrSplat.collection()).isInstanceOf(SplatExpr.class);
  }

  @Test
  void forExpressionsForTuplesAndObjects() {
    ForExpr tuple = (ForExpr) parse("[for i, s in var.subnets : s.cidr if i < 2]");
    assertThat(tuple.producesObject()).isFalse();
    assertThat(tuple.keyVariable()).contains("i");
    assertThat(tuple.valueVariable()).isEqualTo("s");
    assertThat(tuple.condition()).isPresent();
    ForExpr object = (ForExpr) parse("{\n  for s in var.subnets :\n    s.region => s.name...\n}");
    assertThat(object.producesObject()).isTrue();
    assertThat(object.grouping()).isTrue();
    assertThat(object.keyVariable()).isEmpty();
    assertThat(object.range()).isEqualTo(range(new Pos(1, 1, 0), new Pos(4, 2, 54)));
    assertThat(parse("[(for), b]")).isInstanceOf(TupleExpr.class);
    assertThatThrownBy(() -> parse("[for, b]")).isInstanceOf(HclParseException.class);
  }

  @Test
  void newlinesEndExpressionsOutsideBrackets() {
    assertThatThrownBy(() -> HclParser.parse("a = 1\n+ 2\n", FILE))
        .hasMessageStartingWith("test.hcl:2:1: Argument or block definition required");
    assertThat(HclParser.parse("a = (1\n+ 2)\n", FILE).body().attributes().get(0).value())
        .isInstanceOf(ParenthesesExpr.class);
  }

  @Test
  void deepNestingIsReportedNotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(HclParseException.class)
        .hasMessageContaining("Nesting too deep");
    String longChain = "a" + ".b".repeat(5000);
    assertThatThrownBy(() -> parse(longChain)).hasMessageContaining("Nesting too deep");
    String negations = "-".repeat(5000) + "1";
    assertThatThrownBy(() -> parse(negations)).hasMessageContaining("Nesting too deep");
    String sum = "1" + " + 1".repeat(5000);
    assertThatThrownBy(() -> parse(sum)).hasMessageContaining("Nesting too deep");
    String blocks = "a {\n".repeat(5000) + "}\n".repeat(5000);
    assertThatThrownBy(() -> HclParser.parse(blocks, FILE))
        .hasMessageContaining("Nesting too deep");
    assertThat(parse("[".repeat(60) + "]".repeat(60))).isInstanceOf(TupleExpr.class);
  }
}
