package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.hcl.HclParser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The static evaluator on self-contained expressions: operators, collections, functions, unknowns.
 */
class EvaluatorTest {

  private static final Value UNKNOWN = Value.unknown();

  /** {@code unknown} in an expression stands for a value only known at apply time. */
  private static Value eval(String expression) {
    return Evaluator.withoutContext()
        .evaluate(
            HclParser.parseExpression(expression, Path.of("test.tf")),
            Map.of(
                "unknown",
                UNKNOWN,
                "list_with_unknown",
                Value.list(List.of(Value.of(1), UNKNOWN))));
  }

  private static Value list(Object... elements) {
    return Value.list(List.of(elements).stream().map(EvaluatorTest::value).toList());
  }

  private static Value value(Object o) {
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof String s) {
      return Value.of(s);
    }
    if (o instanceof Integer i) {
      return Value.of(i);
    }
    return Value.of((Boolean) o);
  }

  @Test
  void literals() {
    assertThat(eval("42")).isEqualTo(Value.of(42));
    assertThat(eval("1.50")).isEqualTo(Value.of(new BigDecimal("1.5")));
    assertThat(eval("true")).isEqualTo(Value.of(true));
    assertThat(eval("null")).isEqualTo(Value.nullValue());
    assertThat(eval("\"text\"")).isEqualTo(Value.of("text"));
  }

  @Test
  void templatesWithKnownPartsAreStrings() {
    assertThat(eval("\"a-${1 + 1}-${true}\"")).isEqualTo(Value.of("a-2-true"));
    assertThat(eval("\"${[1, 2]}\"")).isEqualTo(list(1, 2));
    assertThat(eval("\"%{ for x in [\"a\", \"b\"] }${x};%{ endfor }\""))
        .isEqualTo(Value.of("a;b;"));
    assertThat(eval("\"%{ if 1 > 2 }big%{ else }small%{ endif }\"")).isEqualTo(Value.of("small"));
    assertThat(eval("<<-EOT\n  x=${2 * 3}\n  EOT\n")).isEqualTo(Value.of("x=6\n"));
    assertThat(eval("\"a-${unknown}\"")).isEqualTo(UNKNOWN);
    assertThat(eval("\"a-${null}\"")).isEqualTo(UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + 2 * 3        | 7",
        "(1 + 2) * 3      | 9",
        "7 / 2            | 3.5",
        "7 % 3            | 1",
        "-4 + 1           | -3",
        "\"3\" + 1        | 4",
        "10 - 2 - 3       | 5",
        "0.1 + 0.2        | 0.3",
      })
  void arithmetic(String expression, String expected) {
    assertThat(eval(expression)).isEqualTo(Value.of(new BigDecimal(expected)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "1 < 2                  ; true",
        "2 <= 1                 ; false",
        "3 >= 3                 ; true",
        "1 == 1.0               ; true",
        "\"1\" == 1             ; false",
        "[1, \"a\"] == [1, \"a\"] ; true",
        "{a = 1} != {a = 2}     ; true",
        "true && !false         ; true",
        "false || false         ; false",
        "1 > 2 ? false : true   ; true",
      })
  void comparisonsLogicAndConditionals(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(Value.of(expected));
  }

  @Test
  void collectionsIndexesAndAttributes() {
    assertThat(eval("[1, \"a\", true][1]")).isEqualTo(Value.of("a"));
    assertThat(eval("{a = {b = [10, 20]}}.a.b[1]")).isEqualTo(Value.of(20));
    assertThat(eval("{\"k\" = 1}[\"k\"]")).isEqualTo(Value.of(1));
    assertThat(eval("{(\"dyn\") = 1}")).isEqualTo(Value.map(Map.of("dyn", Value.of(1))));
    assertThat(eval("[[1, 2], [3]].0[1]")).isEqualTo(Value.of(2));
    assertThat(eval("[1][5]")).isEqualTo(UNKNOWN);
    assertThat(eval("{a = 1}.missing")).isEqualTo(UNKNOWN);
  }

  @Test
  void splats() {
    assertThat(eval("[{id = 1}, {id = 2}][*].id")).isEqualTo(list(1, 2));
    assertThat(eval("[{id = 1}, {id = 2}].*.id")).isEqualTo(list(1, 2));
    assertThat(eval("{id = 7}[*].id")).isEqualTo(list(7));
    assertThat(eval("null[*].id")).isEqualTo(list());
    assertThat(eval("unknown[*].id")).isEqualTo(UNKNOWN);
  }

  @Test
  void forExpressions() {
    assertThat(eval("[for s in [\"a\", \"b\"] : upper(s)]")).isEqualTo(list("A", "B"));
    assertThat(eval("[for i, v in [\"a\", \"b\", \"c\"] : v if i < 2]")).isEqualTo(list("a", "b"));
    assertThat(eval("{for i, v in [\"a\", \"b\"] : v => i}"))
        .isEqualTo(Value.map(Map.of("a", Value.of(0), "b", Value.of(1))));
    assertThat(eval("{for i, v in [\"a\", \"a\", \"b\"] : v => i...}"))
        .isEqualTo(Value.map(Map.of("a", list(0, 1), "b", list(2))));
    assertThat(eval("{for i, v in [\"a\", \"a\"] : v => i}")).isEqualTo(UNKNOWN);
    assertThat(eval("[for k, v in {b = 2, a = 1} : \"${k}=${v}\"]")).isEqualTo(list("a=1", "b=2"));
    assertThat(eval("[for v in unknown : v]")).isEqualTo(UNKNOWN);
    assertThat(eval("[for v in [1, 2] : v if unknown]")).isEqualTo(UNKNOWN);
  }

  @Test
  void eachSupportedFunction() {
    assertThat(eval("merge({a = 1, b = 1}, {b = 2}, null)"))
        .isEqualTo(Value.map(Map.of("a", Value.of(1), "b", Value.of(2))));
    assertThat(eval("concat([1], [2, 3], [])")).isEqualTo(list(1, 2, 3));
    assertThat(eval("lookup({a = 1}, \"a\")")).isEqualTo(Value.of(1));
    assertThat(eval("lookup({a = 1}, \"b\", 0)")).isEqualTo(Value.of(0));
    assertThat(eval("length([1, 2])")).isEqualTo(Value.of(2));
    assertThat(eval("length({a = 1})")).isEqualTo(Value.of(1));
    assertThat(eval("length(\"héllo\")")).isEqualTo(Value.of(5));
    assertThat(eval("keys({b = 1, a = 2})")).isEqualTo(list("a", "b"));
    assertThat(eval("values({b = 1, a = 2})")).isEqualTo(list(2, 1));
    assertThat(eval("contains([\"a\", \"b\"], \"b\")")).isEqualTo(Value.of(true));
    assertThat(eval("contains([1], \"1\")")).isEqualTo(Value.of(false));
    assertThat(eval("coalesce(null, \"\", \"x\")")).isEqualTo(Value.of("x"));
    assertThat(eval("toset([\"b\", \"a\", \"b\"])")).isEqualTo(list("a", "b"));
    assertThat(eval("tolist([1])")).isEqualTo(list(1));
    assertThat(eval("tomap({a = 1})")).isEqualTo(Value.map(Map.of("a", Value.of(1))));
    assertThat(eval("format(\"%s-%d-%03d-%%\", \"gke\", 7, 7)")).isEqualTo(Value.of("gke-7-007-%"));
    assertThat(eval("join(\",\", [\"a\", \"b\"])")).isEqualTo(Value.of("a,b"));
    assertThat(eval("lower(\"ABC\")")).isEqualTo(Value.of("abc"));
    assertThat(eval("upper(\"abc\")")).isEqualTo(Value.of("ABC"));
    assertThat(eval("replace(\"a.b.c\", \".\", \"-\")")).isEqualTo(Value.of("a-b-c"));
    assertThat(eval("replace(\"abc\", \"/b/\", \"x\")")).isEqualTo(UNKNOWN);
    assertThat(eval("try({a = 1}.b, \"fallback\")")).isEqualTo(Value.of("fallback"));
    assertThat(eval("try(1, 2)")).isEqualTo(Value.of(1));
    assertThat(eval("try({}.a, {}.b)")).isEqualTo(UNKNOWN);
    assertThat(eval("can({}.a)")).isEqualTo(Value.of(false));
    assertThat(eval("can(cidrhost(\"10.0.0.0/8\", 1))")).isEqualTo(Value.of(true));
    assertThat(eval("split(\"/\", \"10.0.0.0/28\")[1]")).isEqualTo(Value.of("28"));
    assertThat(eval("max(1, 5, 3) + min(4, 2)")).isEqualTo(Value.of(7));
    assertThat(eval("flatten([[1], [2, [3]]])")).isEqualTo(list(1, 2, 3));
    assertThat(eval("distinct([1, 1, 2])")).isEqualTo(list(1, 2));
    assertThat(eval("alltrue([true, 1 < 2])")).isEqualTo(Value.of(true));
    assertThat(eval("tonumber(\"5\") + 1")).isEqualTo(Value.of(6));
    assertThat(eval("concat([1], [2]...)")).isEqualTo(UNKNOWN);
    assertThat(eval("concat([[1], [2]]...)")).isEqualTo(list(1, 2));
  }

  @Test
  void unknownPropagatesThroughOperatorsAndFunctions() {
    assertThat(eval("concat([1], unknown)")).isEqualTo(UNKNOWN);
    assertThat(eval("concat([1], list_with_unknown)")).isEqualTo(list(1, 1, UNKNOWN));
    assertThat(eval("length(list_with_unknown)")).isEqualTo(Value.of(2));
    assertThat(eval("contains(list_with_unknown, 1)")).isEqualTo(UNKNOWN);
    assertThat(eval("join(\",\", list_with_unknown)")).isEqualTo(UNKNOWN);
    assertThat(eval("unknown + 1")).isEqualTo(UNKNOWN);
    assertThat(eval("-unknown")).isEqualTo(UNKNOWN);
    assertThat(eval("!unknown")).isEqualTo(UNKNOWN);
    assertThat(eval("unknown == 1")).isEqualTo(UNKNOWN);
    assertThat(eval("list_with_unknown == [1, 2]")).isEqualTo(UNKNOWN);
    assertThat(eval("false && unknown")).isEqualTo(UNKNOWN);
    assertThat(eval("unknown ? 1 : 2")).isEqualTo(UNKNOWN);
    assertThat(eval("true ? 1 : unknown")).isEqualTo(Value.of(1));
    assertThat(eval("merge({a = 1}, unknown)")).isEqualTo(UNKNOWN);
    assertThat(eval("merge({a = unknown}, {b = 1})").isWhollyKnown()).isFalse();
    assertThat(eval("lookup(unknown, \"a\", 1)")).isEqualTo(UNKNOWN);
    assertThat(eval("try(unknown, \"x\")")).isEqualTo(UNKNOWN);
    assertThat(eval("can(unknown)")).isEqualTo(UNKNOWN);
    assertThat(eval("coalesce(unknown, \"x\")")).isEqualTo(UNKNOWN);
    assertThat(eval("unknown[0]")).isEqualTo(UNKNOWN);
    assertThat(eval("[1, 2][unknown]")).isEqualTo(UNKNOWN);
    assertThat(eval("unknown.attr")).isEqualTo(UNKNOWN);
    assertThat(eval("{(unknown) = 1}")).isEqualTo(UNKNOWN);
    assertThat(eval("format(\"%s\", unknown)")).isEqualTo(UNKNOWN);
    assertThat(eval("cidrsubnet(unknown, 4, 0)")).isEqualTo(UNKNOWN);
    assertThat(eval("concat(unknown...)")).isEqualTo(UNKNOWN);
  }

  @Test
  void whatTheEvaluatorCannotKnowIsUnknown() {
    assertThat(eval("google_container_cluster.this.endpoint")).isEqualTo(UNKNOWN);
    assertThat(eval("data.google_client_config.current.access_token")).isEqualTo(UNKNOWN);
    assertThat(eval("each.value")).isEqualTo(UNKNOWN);
    assertThat(eval("count.index")).isEqualTo(UNKNOWN);
    assertThat(eval("path.module")).isEqualTo(UNKNOWN);
    assertThat(eval("timestamp()")).isEqualTo(UNKNOWN);
    assertThat(eval("provider::google::region_from_zone(\"europe-west3-a\")")).isEqualTo(UNKNOWN);
    assertThat(eval("var.region")).isEqualTo(UNKNOWN);
  }

  @Test
  void symbolsGiveRepeatedResourcesTheirInstanceKeys() {
    Value value =
        Evaluator.withoutContext()
            .evaluate(
                HclParser.parseExpression("\"node-${count.index}-${each.key}\"", Path.of("t.tf")),
                Map.of(
                    "count",
                    Value.map(Map.of("index", Value.of(2))),
                    "each",
                    Value.map(Map.of("key", Value.of("a")))));
    assertThat(value).isEqualTo(Value.of("node-2-a"));
  }

  @Test
  void errorsBecomeUnknownInsteadOfExceptions() {
    assertThat(eval("1 / 0")).isEqualTo(UNKNOWN);
    assertThat(eval("\"a\" + 1")).isEqualTo(UNKNOWN);
    assertThat(eval("!1")).isEqualTo(UNKNOWN);
    assertThat(eval("upper(1, 2)")).isEqualTo(UNKNOWN);
    assertThat(eval("format(\"%x\", 1)")).isEqualTo(UNKNOWN);
    assertThat(eval("1e999999999 * 1e999999999"))
        .isEqualTo(Value.of(new BigDecimal("1e1999999998")));
    assertThat(eval("\"n=${1e999999999}\"")).isEqualTo(Value.of("n=1E+999999999"));
    assertThat(eval("1e99999999999999")).isEqualTo(UNKNOWN);
  }

  @Test
  void numbersPrintAsTerraformPrintsThem() {
    assertThat(eval("\"${5.0}|${0.25}|${1e3}\"")).isEqualTo(Value.of("5|0.25|1000"));
  }
}
