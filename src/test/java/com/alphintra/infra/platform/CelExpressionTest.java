package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CEL subset on the rule shapes the Istio and Prometheus-operator CRDs use. */
class CelExpressionTest {

  private static Optional<Boolean> eval(String rule, Object self) {
    return CelExpression.parse(rule).orElseThrow().evaluate(self);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '#',
      value = {
        "duration(self) >= duration('1ms') # 2s # true",
        "duration(self) >= duration('1ms') # 0s # false",
        "duration(self) >= duration('1ms') # 1h30m # true",
        "!self.contains(\"*\") # a.b # true",
        "!self.contains(\"*\") # *.b # false",
        "self.startsWith(\"unix://\") ? !self.endsWith(\"/\") : true # unix:///x/ # false",
        "self.startsWith(\"unix://\") ? (self.substring(7, 8) == \"/\" || self.substring(7, 8) == \"@\") : true # unix://@a # true",
        "self in [\"\", \"HTTP\", \"HTTPS\"] # FTP # false",
        "self != \"*\" # * # false"
      })
  void evaluatesStringRules(String rule, String self, boolean expected) {
    assertThat(eval(rule, self)).contains(expected);
  }

  @Test
  void evaluatesNumbersMapsListsAndMacros() {
    assertThat(eval("0 < self && self <= 65535", 8080)).contains(true);
    assertThat(eval("0 < self && self <= 65535", 70000)).contains(false);
    assertThat(eval("self.all(key, 0 < int(key) && int(key) <= 65535)", Map.of("80", 1)))
        .contains(true);
    assertThat(eval("self.all(key, 0 < int(key) && int(key) <= 65535)", Map.of("0", 1)))
        .contains(false);
    String oneOf =
        "(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1";
    assertThat(eval(oneOf, Map.of("selector", Map.of()))).contains(true);
    assertThat(eval(oneOf, Map.of("selector", Map.of(), "targetRef", Map.of()))).contains(false);
    assertThat(
            eval(
                "[has(self.basicAuth), has(self.authorization), has(self.oauth2)].filter(x, x).size() <= 1",
                Map.of("basicAuth", Map.of(), "oauth2", Map.of())))
        .contains(false);
    assertThat(
            eval(
                "self.all(l1, self.exists_one(l2, l1.number == l2.number))",
                List.of(Map.of("number", 1), Map.of("number", 2))))
        .contains(true);
    assertThat(
            eval(
                "self.all(l1, self.exists_one(l2, l1.number == l2.number))",
                List.of(Map.of("number", 1), Map.of("number", 1))))
        .contains(false);
    assertThat(
            eval(
                "self.all(key, size(key) < 63 && key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))",
                Map.of("-bad", 1)))
        .contains(false);
  }

  @Test
  void skipsWhatTheSubsetCannotEvaluate() {
    assertThat(
            CelExpression.parse("url(self).getScheme() in [\"http\", \"https\"]")
                .orElseThrow()
                .evaluate("http://x"))
        .isEmpty();
    assertThat(CelExpression.parse("self == oldSelf")).isEmpty();
    assertThat(CelExpression.parse("self.x ==")).isEmpty();
    // a missing field read without has() is a runtime error: skipped, not a finding
    assertThat(eval("self.value != \"\"", Map.of())).isEmpty();
  }
}
