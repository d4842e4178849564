package com.alphintra.infra.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code .tf} and {@code .tfvars} file of the repository's {@code infra/} parses without a
 * diagnostic. The Terraform code may not be in this branch yet; then there is nothing to check, and
 * that is fine.
 */
class InfraTerraformTest {

  static Optional<Path> repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("infra/versions.yaml"))) {
        return Optional.of(dir);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  static List<Path> terraformFiles(Path infra) throws IOException {
    try (Stream<Path> files = Files.walk(infra)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/.terraform/"))
          .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyTerraformFileUnderInfraParses() throws IOException {
    Path root =
        repositoryRoot()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no folder holding infra/versions.yaml above "
                            + Path.of("").toAbsolutePath()));
    List<Path> files = terraformFiles(root.resolve("infra"));
    for (Path file : files) {
      assertThatCode(() -> HclParser.parse(file)).as(file.toString()).doesNotThrowAnyException();
    }
    assertThat(files).allMatch(p -> p.startsWith(root.resolve("infra")));
  }
}
