package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphintra.infra.error.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

  private static final Path FILE = Path.of("baseline.json");

  @Test
  void roundTripsThroughJson() {
    Baseline baseline =
        Baseline.of(
            List.of(
                new Finding(
                    "k8s-a", Severity.HIGH, Path.of("infra/a.yaml"), 3, "Deployment api", "bad")));

    assertThat(Baseline.parse(baseline.toJson(), FILE)).isEqualTo(baseline);
    assertThat(baseline.toJson()).contains("\"version\" : 1", "\"file\" : \"infra/a.yaml\"");
  }

  @Test
  void malformedJsonIsAnInputErrorWithLineAndColumn() {
    assertThatThrownBy(() -> Baseline.parse("{\n  \"findings\": [\n    {\"rule\": }\n  ]\n}", FILE))
        .isInstanceOf(InputException.class)
        .satisfies(
            e -> {
              InputException input = (InputException) e;
              assertThat(input.getMessage()).startsWith("malformed baseline:");
              assertThat(input.line()).isEqualTo(3);
              assertThat(input.column()).isPositive();
              assertThat(input.location())
                  .hasValueSatisfying(
                      location -> assertThat(location).startsWith("baseline.json:3:"));
            });
  }

  @Test
  void aDocumentWithoutFindingsIsNotABaseline() {
    assertThatThrownBy(() -> Baseline.parse("[]", FILE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"findings\" array");
    assertThatThrownBy(() -> Baseline.parse("{\"findings\": [{\"rule\": \"x\"}]}", FILE))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("has no text field \"file\"");
  }
}
