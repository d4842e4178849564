package com.alphintra.infra.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Realistic Terraform written for these tests parses without a diagnostic. */
class CorpusTest {

  static final Path CORPUS = Path.of("src/test/resources/hcl/corpus");

  static List<Path> configurationFiles() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars"))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("configurationFiles")
  void parsesWithoutDiagnostics(Path file) {
    HclFile parsed = HclParser.parse(file);
    assertThat(parsed.body().attributes().size() + parsed.body().blocks().size()).isPositive();
  }

  @Test
  void theCorpusCoversTheConstructsItClaimsTo() throws IOException {
    String all =
        String.join(
            "\n",
            configurationFiles().stream()
                .map(
                    p -> {
                      try {
                        return Files.readString(p);
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    })
                .toList());
    assertThat(all)
        .contains(
            "dynamic \"",
            "for_each",
            "count",
            "<<-",
            "%{",
            "...",
            "[*]",
            ".*",
            " ? ",
            "for ",
            "templatefile(",
            "provider \"",
            "backend \"");
  }

  @Test
  void aTemplateFileParsesAsAStandaloneTemplate() throws IOException {
    Path file = CORPUS.resolve("startup.sh.tftpl");
    TemplateExpr template = HclParser.parseTemplate(Files.readString(file), file);
    assertThat(template.parts())
        .anyMatch(p -> p instanceof TemplateFor)
        .anyMatch(p -> p instanceof TemplateIf);
  }

  @Test
  void theGkeClusterSaysItsNodesArePrivate() {
    HclFile file = HclParser.parse(CORPUS.resolve("gke.tf"));
    Block cluster =
        file.body().blocks("resource").stream()
            .filter(b -> b.labelValues().equals(List.of("google_container_cluster", "this")))
            .findFirst()
            .orElseThrow();
    Attribute privateNodes =
        cluster
            .body()
            .blocks("private_cluster_config")
            .get(0)
            .body()
            .attribute("enable_private_nodes")
            .orElseThrow();
    assertThat(privateNodes.value()).isInstanceOf(BoolLiteral.class);
    assertThat(privateNodes.nameRange().describe()).endsWith("gke.tf:47:5");
    assertThat(file.commentsOnLine(45))
        .extracting(Token::text)
        .containsExactly("# Private nodes: no public IPs on the VMs.");
  }
}
