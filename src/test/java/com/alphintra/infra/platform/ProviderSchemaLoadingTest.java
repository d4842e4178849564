package com.alphintra.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the provider schema comes from: --provider-schema, else terraform in initialised
 * directories.
 */
class ProviderSchemaLoadingTest {

  private static final String SCHEMA =
      """
      {"format_version": "1.0", "provider_schemas": {"registry.terraform.io/hashicorp/google": {
        "resource_schemas": {"google_compute_network": {"version": 0, "block": {
          "attributes": {"name": {"type": "string", "required": true},
                         "self_link": {"type": "string", "computed": true}},
          "block_types": {"timeouts": {"nesting_mode": "single", "min_items": 0,
                          "block": {"attributes": {"create": {"type": "string", "optional": true}}}}}}}},
        "data_source_schemas": {}}}}
      """;

  @TempDir Path root;

  private Path environment() throws IOException {
    Path dev = root.resolve("infra/terraform/environments/dev");
    Files.createDirectories(dev);
    Files.writeString(
        dev.resolve("main.tf"),
        "resource \"google_compute_network\" \"main\" {\n  name = \"x\"\n}\n");
    return dev;
  }

  @Test
  void aSchemaFileIsReadIntoTheTerraformView() throws IOException {
    environment();
    Path file = Files.writeString(root.resolve("schema.json"), SCHEMA);

    Platform platform =
        new PlatformLoader(new FakeProcessRunner()).load(root.resolve("infra"), Optional.of(file));

    SchemaBlock network =
        platform
            .terraform()
            .providerSchema()
            .orElseThrow()
            .resource("google_compute_network")
            .orElseThrow();
    assertThat(network.attribute("name").orElseThrow().required()).isTrue();
    assertThat(network.attribute("self_link").orElseThrow().isComputedOnly()).isTrue();
    assertThat(network.blockType("timeouts").orElseThrow().nestingMode()).isEqualTo("single");
    assertThat(platform.terraform().providerSchema().get().describesProviderOf("google_nope"))
        .isTrue();
    assertThat(platform.terraform().providerSchema().get().describesProviderOf("random_id"))
        .isFalse();
  }

  @Test
  void aMalformedSchemaFileIsALoadErrorAndTheRestIsStillLoaded() throws IOException {
    environment();
    Path file = Files.writeString(root.resolve("schema.json"), "{\"not\": \"a schema\"}");

    Platform platform =
        new PlatformLoader(new FakeProcessRunner()).load(root.resolve("infra"), Optional.of(file));

    assertThat(platform.loadErrors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("no \"provider_schemas\" object"));
    assertThat(platform.terraform().providerSchema()).isEmpty();
    assertThat(platform.terraform().resources("google_compute_network")).hasSize(1);
  }

  @Test
  void anInitialisedDirectoryHasItsSchemaReadByTerraform() throws IOException {
    Files.createDirectories(environment().resolve(".terraform"));
    FakeProcessRunner processes =
        new FakeProcessRunner().succeeds(SCHEMA, "terraform", "providers", "schema");

    Platform platform = new PlatformLoader(processes).load(root.resolve("infra"));

    assertThat(platform.terraform().providerSchema()).isPresent();
    assertThat(processes.calls())
        .anySatisfy(
            command -> {
              assertThat(command.arguments())
                  .containsExactly("terraform", "providers", "schema", "-json");
              assertThat(command.workingDirectory())
                  .contains(root.resolve("infra/terraform/environments/dev"));
            });
  }

  @Test
  void withoutTerraformTheSchemaIsSkippedWithANote() throws IOException {
    Files.createDirectories(environment().resolve(".terraform"));

    Platform platform =
        new PlatformLoader(new FakeProcessRunner().missing("terraform"))
            .load(root.resolve("infra"));

    assertThat(platform.terraform().providerSchema()).isEmpty();
    assertThat(platform.notes())
        .anySatisfy(note -> assertThat(note).contains("terraform is not installed"));
  }

  @Test
  void anUninitialisedDirectoryRunsNoTerraform() throws IOException {
    environment();
    FakeProcessRunner processes = new FakeProcessRunner();

    Platform platform = new PlatformLoader(processes).load(root.resolve("infra"));

    assertThat(platform.terraform().providerSchema()).isEmpty();
    assertThat(processes.commandLines()).noneMatch(line -> line.startsWith("terraform"));
  }
}
