package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.workspace.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every versions.tf under infra/terraform pins the same Terraform and provider versions, and the
 * provider constraints are the ones infra/versions.yaml declares, so the pins cannot drift apart.
 */
class TerraformVersionsTest {

  private static final String REQUIRED_TERRAFORM = ">= 1.6";
  private static final Pattern REQUIRED_VERSION =
      Pattern.compile("required_version\\s*=\\s*\"([^\"]*)\"");

  private static Workspace workspace;
  private static List<Path> versionFiles;

  @BeforeAll
  static void findVersionFiles() throws IOException {
    workspace = Workspace.locate(Path.of(""));
    try (Stream<Path> files = Files.walk(workspace.terraform())) {
      versionFiles =
          files
              .filter(file -> file.getFileName().toString().equals("versions.tf"))
              .filter(file -> !file.toString().contains(".terraform"))
              .sorted()
              .toList();
    }
  }

  @Test
  void everyRootAndModuleHasAVersionsFile() {
    assertThat(versionFiles)
        .extracting(
            file ->
                workspace.terraform().relativize(file.getParent()).toString().replace('\\', '/'))
        .contains(
            "bootstrap",
            "modules/vpc",
            "modules/gke",
            "modules/cloudsql",
            "modules/memorystore",
            "modules/pubsub",
            "environments/dev",
            "environments/staging",
            "environments/prod");
  }

  @Test
  void everyVersionsFileRequiresTerraform16() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : versionFiles) {
      Matcher matcher = REQUIRED_VERSION.matcher(Files.readString(file));
      if (!matcher.find()) {
        problems.add(relative(file) + ": no required_version");
      } else if (!matcher.group(1).equals(REQUIRED_TERRAFORM)) {
        problems.add(
            relative(file)
                + ": required_version is \""
                + matcher.group(1)
                + "\", expected \""
                + REQUIRED_TERRAFORM
                + "\"");
      }
    }
    assertThat(problems).as("versions.tf files with the wrong Terraform pin").isEmpty();
  }

  @Test
  void everyVersionsFilePinsProvidersAsVersionsYamlSays() throws IOException {
    Map<String, String> pinned = providerPins();
    assertThat(pinned).as("terraform.providers in infra/versions.yaml").containsKey("google");

    List<String> problems = new ArrayList<>();
    for (Path file : versionFiles) {
      String text = Files.readString(file);
      if (providerConstraint(text, "google").isEmpty()) {
        problems.add(relative(file) + ": no hashicorp/google in required_providers");
      }
      for (Map.Entry<String, String> pin : pinned.entrySet()) {
        providerConstraint(text, pin.getKey())
            .filter(constraint -> !constraint.equals(pin.getValue()))
            .ifPresent(
                constraint ->
                    problems.add(
                        relative(file)
                            + ": "
                            + pin.getKey()
                            + " version is \""
                            + constraint
                            + "\", infra/versions.yaml says \""
                            + pin.getValue()
                            + "\""));
      }
    }
    assertThat(problems)
        .as("versions.tf files whose provider pins differ from infra/versions.yaml")
        .isEmpty();
  }

  /** The version constraint in the provider's entry of required_providers, if the file names it. */
  private static Optional<String> providerConstraint(String versionsTf, String provider) {
    Pattern entry =
        Pattern.compile(
            "(?m)^\\s*"
                + Pattern.quote(provider)
                + "\\s*=\\s*\\{[^}]*?\\bversion\\s*=\\s*\"([^\"]*)\"");
    Matcher matcher = entry.matcher(versionsTf);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> providerPins() throws IOException {
    try (Reader reader = Files.newBufferedReader(workspace.versionsFile())) {
      Map<String, Object> versions =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromReader(reader);
      Map<String, Object> terraform = (Map<String, Object>) versions.get("terraform");
      assertThat(terraform).as("the terraform section of infra/versions.yaml").isNotNull();
      return (Map<String, String>) terraform.get("providers");
    }
  }

  private static String relative(Path file) {
    return workspace.root().relativize(file).toString().replace('\\', '/');
  }
}
