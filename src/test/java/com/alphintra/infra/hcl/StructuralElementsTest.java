package com.alphintra.infra.hcl;

import static com.alphintra.infra.hcl.SourceRanges.FILE;
import static com.alphintra.infra.hcl.SourceRanges.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec section "Structural Elements": bodies, attributes, blocks, one-line blocks, and their
 * errors.
 */
class StructuralElementsTest {

  private static final Path ERRORS = Path.of("src/test/resources/hcl/errors");

  @Test
  void anAttributeIsANameAndAnExpressionWithExactRanges() {
    HclFile file = HclParser.parse("region = \"europe-west3\"\n", FILE);
    Attribute expected =
        new Attribute(
            "region",
            range(1, 7),
            new TemplateExpr(
                List.of(new TemplateLiteral("europe-west3", range(11, 23))), false, range(10, 24)),
            range(1, 24));
    assertThat(file.body())
        .isEqualTo(
            new Body(List.of(expected), List.of(), range(new Pos(1, 1, 0), new Pos(2, 1, 24))));
  }

  @Test
  void aBlockKeepsTheRangesOfItsTypeLabelsAndBraces() {
    String source = "resource \"google_compute_network\" main {\n  mtu = 1460\n}\n";
    Block block = HclParser.parse(source, FILE).body().blocks().get(0);
    Attribute mtu =
        new Attribute(
            "mtu",
            range(2, 3, 6, 41),
            new NumberLiteral("1460", range(2, 9, 13, 41)),
            range(2, 3, 13, 41));
    Range open = range(1, 40, 41, 0);
    Range close = range(3, 1, 2, 54);
    assertThat(block)
        .isEqualTo(
            new Block(
                "resource",
                range(1, 9),
                List.of(
                    new BlockLabel("google_compute_network", true, range(10, 34)),
                    new BlockLabel("main", false, range(35, 39))),
                new Body(List.of(mtu), List.of(), open.to(close)),
                open,
                close,
                range(new Pos(1, 1, 0), new Pos(3, 2, 55))));
    assertThat(block.labelValues()).containsExactly("google_compute_network", "main");
  }

  @Test
  void blocksNestAndKeepSourceOrder() {
    String source =
        """
                resource "google_container_cluster" "this" {
                  name = "gke"
                  private_cluster_config {
                    enable_private_nodes = true
                  }
                  node_config {}
                  location = "europe-west3"
                }
                """;
    Body body = HclParser.parse(source, FILE).body().blocks().get(0).body();
    assertThat(body.items())
        .extracting(n -> n instanceof Attribute a ? a.name() : ((Block) n).type())
        .containsExactly("name", "private_cluster_config", "node_config", "location");
    assertThat(
            body.blocks("private_cluster_config").get(0).body().attribute("enable_private_nodes"))
        .map(Attribute::value)
        .get()
        .isEqualTo(new BoolLiteral(true, range(4, 28, 32, 87)));
  }

  @Test
  void aOneLineBlockHoldsAtMostOneArgument() {
    Body body = HclParser.parse("variable \"x\" { type = string }\nlocals {}\n", FILE).body();
    assertThat(body.blocks()).hasSize(2);
    assertThat(body.blocks().get(0).body().attribute("type")).isPresent();
    assertThatThrownBy(() -> HclParser.parse("a { b = 1, c = 2 }\n", FILE))
        .hasMessageStartingWith("test.hcl:1:10: Invalid single-argument block definition");
  }

  @Test
  void theLastLineNeedsNoNewline() {
    assertThat(HclParser.parse("a = 1", FILE).body().attributes()).hasSize(1);
    assertThat(HclParser.parse("", FILE).body().attributes()).isEmpty();
  }

  @Test
  void allDiagnosticsAreCarriedAndTheMessageNamesTheFirst() {
    HclParseException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            HclParseException.class, () -> HclParser.parse("a = \nb = [1 2]\nc = 3\n", FILE));
    assertThat(error.diagnostics())
        .extracting(Diagnostic::describe)
        .containsExactly(
            "test.hcl:1:5: Invalid expression", "test.hcl:2:8: Missing item separator");
    assertThat(error.getMessage())
        .startsWith(
            "test.hcl:1:5: Invalid expression. Expected the start of an"
                + " expression, but found a newline.")
        .endsWith("(and 1 more error)");
  }

  @Test
  void aFileIsReadAsUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("main.tf");
    Files.writeString(file, "name = \"größe\"\n", StandardCharsets.UTF_8);
    TemplateExpr value = (TemplateExpr) HclParser.parse(file).body().attributes().get(0).value();
    assertThat(value.literalValue()).contains("größe");
  }

  @Test
  void unreadableOrNonUtf8FilesAreParseErrorsToo(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.tf");
    assertThatThrownBy(() -> HclParser.parse(missing))
        .isInstanceOf(HclParseException.class)
        .hasMessageStartingWith(missing + ":1:1: Unreadable file");
    Path latin1 = dir.resolve("latin1.tf");
    Files.write(latin1, new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xE4, '"', '\n'});
    assertThatThrownBy(() -> HclParser.parse(latin1))
        .hasMessageStartingWith(latin1 + ":1:1: Invalid UTF-8");
  }

  static Stream<String> badInputs() throws IOException {
    try (Stream<Path> files = Files.list(ERRORS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".hcl"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * Each {@code errors/NAME.hcl} has a {@code NAME.error}: the first error's {@code file:line:col
   * summary}.
   */
  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputReportsItsFirstErrorWhereExpected(String name) throws IOException {
    String source = Files.readString(ERRORS.resolve(name));
    String expected = Files.readString(ERRORS.resolve(name.replace(".hcl", ".error"))).strip();
    HclParseException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            HclParseException.class, () -> HclParser.parse(source, Path.of(name)));
    Diagnostic first = error.first();
    assertThat(first.subject().describe() + " " + first.summary()).isEqualTo(expected);
    assertThat(error.getMessage()).startsWith(first.subject().describe() + ": " + first.summary());
  }
}
