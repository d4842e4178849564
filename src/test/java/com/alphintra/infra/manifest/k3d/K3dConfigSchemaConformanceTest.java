package com.alphintra.infra.manifest.k3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.manifest.ManifestDocument;
import com.alphintra.infra.manifest.ManifestProblem;
import com.alphintra.infra.manifest.YamlReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shows that the k3d config model accepts what k3d's JSON schema accepts and rejects what it
 * rejects, over the fixtures in {@code manifest/k3d/}: {@code valid-*} ones pass both, {@code
 * invalid-*} ones fail both.
 *
 * <p>The schema is not part of this project; it is read from {@code
 * ../shared/schemas/k3d/v1alpha5/} beside the repository, and the test is skipped when it is not
 * there.
 */
class K3dConfigSchemaConformanceTest {

  private static final Path FIXTURES = Path.of("src/test/resources/manifest/k3d");
  private static final YamlReader YAML = new YamlReader();
  private static final K3dConfigReader READER = new K3dConfigReader(YAML);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    Optional<Path> schemaFile =
        repositoryRoot()
            .map(root -> root.resolve("../shared/schemas/k3d/v1alpha5/schema.json").normalize())
            .filter(Files::isRegularFile);
    assumeTrue(
        schemaFile.isPresent(),
        "k3d's schema is not at <repository root>/../shared/schemas/k3d/"
            + "v1alpha5/schema.json (the repository root holds infra/versions.yaml); nothing to conform to");
    // k3d validates with format assertions on (hostname, ipv4), so this does too.
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(schemaFile.get())) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    }
  }

  private static Optional<Path> repositoryRoot() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("infra/versions.yaml"))) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void modelAndSchemaAgree(String fixture) throws Exception {
    ManifestDocument document = YAML.read(FIXTURES.resolve(fixture)).documents().get(0);
    JsonNode json = JSON.valueToTree(document.root());

    Set<ValidationMessage> schemaErrors = schema.validate(json);
    K3dConfigFile config = READER.read(document);
    boolean expectedValid = fixture.startsWith("valid-");

    assertThat(schemaErrors.isEmpty())
        .as("schema verdict on %s: %s", fixture, schemaErrors)
        .isEqualTo(expectedValid);
    assertThat(config.hasErrors())
        .as("model verdict on %s: %s", fixture, config.problems())
        .isEqualTo(!expectedValid);
  }

  @Test
  void fixturesCoverBothVerdicts() throws IOException {
    assertThat(fixtures())
        .anyMatch(name -> name.startsWith("valid-"))
        .anyMatch(name -> name.startsWith("invalid-"))
        .allMatch(name -> name.startsWith("valid-") || name.startsWith("invalid-"));
  }

  @Test
  void everyModelErrorHasALineInsideTheFile() throws Exception {
    for (String fixture : fixtures().toList()) {
      long lines = Files.readAllLines(FIXTURES.resolve(fixture)).size();
      for (ManifestProblem problem : READER.fromFile(FIXTURES.resolve(fixture)).problems()) {
        assertThat((long) problem.position().line()).as(problem.toString()).isBetween(1L, lines);
      }
    }
  }
}
