package com.alphintra.infra.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/manifest");
  private final YamlReader reader = new YamlReader();

  @Test
  void multiDocumentFileKeepsEachDocumentsStartAndSkipsEmptyOnes() throws Exception {
    YamlText text = reader.read(FIXTURES.resolve("multi-document.yaml"));

    assertThat(text.documents()).hasSize(2);
    assertThat(text.documents().get(0).start()).isEqualTo(new Position(3, 1));
    assertThat(text.documents().get(0).index()).isZero();
    assertThat(text.documents().get(1).start()).isEqualTo(new Position(19, 1));
    assertThat(text.documents().get(1).index())
        .as("the empty document between --- --- still counts")
        .isEqualTo(2);
    assertThat(text.origin()).isEqualTo(Origin.of(FIXTURES.resolve("multi-document.yaml")));
  }

  @Test
  void fieldPathsResolveToTheLineOfTheirKey() throws Exception {
    ManifestDocument deployment =
        reader.read(FIXTURES.resolve("multi-document.yaml")).documents().get(1);

    assertThat(deployment.positionOf("spec.template.spec.containers[0].securityContext"))
        .contains(new Position(41, 11));
    assertThat(deployment.positionOf("spec.template.spec.containers[0]"))
        .contains(new Position(35, 11));
    assertThat(deployment.positionOf("spec.template.spec.containers[0].ports[0].containerPort"))
        .contains(new Position(39, 15));
    assertThat(deployment.positionOf("spec.replicas")).contains(new Position(25, 3));
    assertThat(deployment.positionOf("")).contains(new Position(19, 1));
    assertThat(deployment.positionOf("spec.template.spec.containers[1]")).isEmpty();
    assertThat(deployment.positionOf("spec.nothing")).isEmpty();
  }

  @Test
  void keysWithDotsAreQuotedInPaths() throws Exception {
    ManifestDocument service =
        reader.read(FIXTURES.resolve("multi-document.yaml")).documents().get(0);

    assertThat(service.positionOf("metadata.labels[\"app.kubernetes.io/name\"]"))
        .contains(new Position(9, 5));
    assertThat(service.valueAt(FieldPath.parse("metadata.labels[\"app.kubernetes.io/name\"]")))
        .contains("trading-engine");
  }

  @Test
  void aMissingFieldIsPlacedAtItsNearestPresentAncestor() throws Exception {
    ManifestDocument deployment =
        reader.read(FIXTURES.resolve("multi-document.yaml")).documents().get(1);

    assertThat(
            deployment.nearestPositionOf(
                FieldPath.parse("spec.template.spec.containers[0].securityContext.runAsNonRoot")))
        .isEqualTo(new Position(41, 11));
    assertThat(
            deployment.nearestPositionOf(
                FieldPath.parse("spec.template.spec.containers[0].resources.limits")))
        .isEqualTo(new Position(35, 11));
    assertThat(deployment.nearestPositionOf(FieldPath.parse("status")))
        .isEqualTo(new Position(19, 1));
  }

  @Test
  void commentsAreKeptWithTheirLines() throws Exception {
    YamlText text = reader.read(FIXTURES.resolve("multi-document.yaml"));

    assertThat(text.comments())
        .extracting(YamlComment::line, YamlComment::inline)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, false),
            org.assertj.core.groups.Tuple.tuple(40, false),
            org.assertj.core.groups.Tuple.tuple(42, true));
    assertThat(text.comments().get(1).text())
        .isEqualTo(" alphintra:ignore k8s-run-as-non-root reason=\"image needs root until 1.1\"");
    assertThat(text.comments().get(1).position()).isEqualTo(new Position(40, 11));
  }

  @Test
  void commentsForALineAreTheBlockAboveAndTheOneAtItsEnd() throws Exception {
    YamlText text =
        reader.read(
            """
                # file banner
                a: 1
                # first
                # second
                b: 2 # inline
                c: 3
                """,
            Origin.rendered("t"));

    assertThat(text.commentsFor(5))
        .extracting(YamlComment::text)
        .containsExactly(" first", " second", " inline");
    assertThat(text.commentsFor(6)).isEmpty();
    assertThat(text.commentsFor(2)).extracting(YamlComment::text).containsExactly(" file banner");
  }

  @Test
  void commentsAnywhereInValidYamlDoNotBreakReading() throws Exception {
    YamlText text =
        reader.read(
            """
                --- # document
                list:
                  # first
                  - a # one
                flow: [a, # in flow
                  b]
                block: | # keep
                  # part of the text
                nested:
                  - b: 1
                    # inside
                    c: 2
                """,
            Origin.rendered("t"));

    assertThat(text.comments()).extracting(YamlComment::line).containsExactly(1, 3, 4, 5, 7, 11);
    assertThat(text.documents().get(0).valueAt(FieldPath.parse("block")))
        .contains("# part of the text\n");
  }

  @Test
  void aTextTheEnginesCommentSupportRejectsIsReadWithoutComments() throws Exception {
    YamlText text = reader.read("? a # explicit key\n: b\n", Origin.rendered("t"));

    assertThat(text.documents().get(0).root()).isEqualTo(Map.of("a", "b"));
    assertThat(text.comments()).isEmpty();
  }

  @Test
  void scalarsAreTypedByTheYaml12CoreSchema() throws Exception {
    Map<?, ?> root =
        (Map<?, ?>)
            single(
                """
                text: hello
                quoted: "80"
                number: 80
                hex: 0x1F
                mode: 0644
                zero: 0
                big: 12345678901
                huge: 123456789012345678901234567890
                fraction: 1.5
                infinity: .inf
                yes12: yes
                truth: true
                nothing: null
                empty:
                tagged: !!str 42
                literal: |
                  line
                """);

    assertThat(root.get("text")).isEqualTo("hello");
    assertThat(root.get("quoted")).isEqualTo("80");
    assertThat(root.get("number")).isEqualTo(80);
    assertThat(root.get("hex")).isEqualTo(31);
    assertThat(root.get("mode")).as("octal, as Kubernetes reads YAML 1.1").isEqualTo(420);
    assertThat(root.get("zero")).isEqualTo(0);
    assertThat(root.get("big")).isEqualTo(12345678901L);
    assertThat(root.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(root.get("fraction")).isEqualTo(1.5);
    assertThat(root.get("infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(root.get("yes12")).as("YAML 1.2: yes is text").isEqualTo("yes");
    assertThat(root.get("truth")).isEqualTo(true);
    assertThat(root.containsKey("nothing")).isTrue();
    assertThat(root.get("nothing")).isNull();
    assertThat(root.get("empty")).isNull();
    assertThat(root.get("tagged")).isEqualTo("42");
    assertThat(root.get("literal")).isEqualTo("line\n");
  }

  @Test
  void aliasesShareTheAnchoredValueAndItsPositions() throws Exception {
    ManifestDocument document =
        reader
            .read(
                """
                defaults: &defaults
                  cpu: 100m
                  memory: 1Gi
                first: *defaults
                second:
                  - *defaults
                after: 1
                """,
                Origin.rendered("t"))
            .documents()
            .get(0);

    assertThat(document.valueAt(FieldPath.parse("first.memory"))).contains("1Gi");
    assertThat(document.positionOf("first.memory")).contains(new Position(3, 3));
    assertThat(document.positionOf("second[0]")).contains(new Position(6, 5));
    assertThat(document.positionOf("second[0].cpu")).contains(new Position(2, 3));
    assertThat(document.positionOf("after")).contains(new Position(7, 1));
  }

  @Test
  void theTreeCannotBeChanged() throws Exception {
    Map<?, ?> root = (Map<?, ?>) single("a: [1]\n");
    assertThatThrownBy(() -> root.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) root.get("a")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void onlySeparatorsAndNullsGiveNoDocuments() throws Exception {
    assertThat(reader.read("", Origin.rendered("t")).documents()).isEmpty();
    assertThat(
            reader
                .read("---\n---\n...\n---\nnull\n# only a comment\n", Origin.rendered("t"))
                .documents())
        .isEmpty();
    assertThat(reader.read("a: 1\n---\n\n---\nb: 2\n", Origin.rendered("t")).documents())
        .extracting(ManifestDocument::index)
        .containsExactly(0, 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a: b: c                         | bad.yaml:1:5: mapping values are not allowed here",
        "x: [1, 2                        | bad.yaml:1:9: expected ',' or ']', but got <stream end>",
        "a: 1\\na: 2                     | bad.yaml:2:1: duplicate key \"a\" (it already appears in this mapping)",
        "k: *nope                        | bad.yaml:1:4: undefined alias *nope",
        "a: &x [*x]                      | bad.yaml:1:8: recursive alias *x (it refers to a node that contains it)",
        "? [a]\\n: b                     | bad.yaml:1:3: a mapping or sequence cannot be a mapping key; keys must be plain text",
        "x: !!int abc                    | bad.yaml:1:4: \"abc\" is not a valid tag:yaml.org,2002:int",
        "a:\\n  - b\\n c: d              | bad.yaml:3:2: expected <block end>, but found '<block mapping start>'",
      })
  void malformedYamlIsOneExceptionWithFileLineAndColumn(String yaml, String message) {
    assertThatThrownBy(() -> reader.read(yaml.replace("\\n", "\n"), Origin.of(Path.of("bad.yaml"))))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage(message);
  }

  @Test
  void theExceptionCarriesItsPartsApart() {
    try {
      reader.read("a:\n  b: [\n", Origin.rendered("overlay local"));
    } catch (ManifestParseException e) {
      assertThat(e.origin().label()).isEqualTo("overlay local");
      assertThat(e.position()).isPresent();
      assertThat(e.getMessage())
          .startsWith("overlay local:" + e.position().get() + ": ")
          .endsWith(e.reason());
      return;
    }
    throw new AssertionError("expected a ManifestParseException");
  }

  @Test
  void nestingIsBounded() {
    String deep = "[".repeat(YamlReader.MAX_DEPTH + 1) + "]".repeat(YamlReader.MAX_DEPTH + 1);
    assertThatThrownBy(() -> reader.read(deep, Origin.rendered("t")))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageContaining("nested deeper than " + YamlReader.MAX_DEPTH);
  }

  @Test
  void aliasExpansionIsBounded() {
    StringBuilder laughs = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 25; i++) {
      laughs
          .append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    assertThatThrownBy(() -> reader.read(laughs.toString(), Origin.rendered("t")))
        .isInstanceOf(ManifestParseException.class)
        .hasMessageContaining("expands to more than");
  }

  @Test
  void textThatIsNotUtf8IsMalformed(@org.junit.jupiter.api.io.TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("latin1.yaml");
    java.nio.file.Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(ManifestParseException.class)
        .hasMessage(file + ": not UTF-8 text");
  }

  private Object single(String yaml) throws ManifestParseException {
    return reader.read(yaml, Origin.rendered("t")).documents().get(0).root();
  }
}
