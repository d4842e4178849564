package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.error.MissingPrerequisiteException;
import com.alphintra.infra.exec.ProcessResult;
import com.alphintra.infra.exec.ProcessRunner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Whether a cloud overlay may be applied: its {@code cloud-outputs.env} must exist, hold real
 * values (not the committed example), name the sample service's pushed digest ({@code cloud
 * images}) and come from the environment's current Terraform state, so no manifest reaches the
 * cluster with another project's registry, an image that is not there or an old database address.
 */
public final class CloudOutputsGate {

  private final ProcessRunner processes;
  private final Function<Environment, EnvironmentSettings> environments;
  private final Path overlaysDirectory;

  public CloudOutputsGate(
      ProcessRunner processes,
      Function<Environment, EnvironmentSettings> environments,
      Path overlaysDirectory) {
    this.processes = processes;
    this.environments = environments;
    this.overlaysDirectory = overlaysDirectory;
  }

  /**
   * Returns the state the file came from, or refuses.
   *
   * @throws MissingPrerequisiteException when the file is missing, the example, or older than the
   *     state, naming the command that writes it
   */
  public StateVersion requireCurrent(Environment environment) {
    Path file = CloudOutputsFile.of(overlaysDirectory, environment);
    String command = "alphintra cloud outputs --env " + environment.id();
    if (!Files.isRegularFile(file)) {
      throw new MissingPrerequisiteException(
          "overlay " + environment.id() + " has no Terraform outputs: " + file + " is missing",
          "run '" + command + "' (cloud apply writes it too)");
    }
    CloudOutputs outputs;
    try {
      outputs = CloudOutputs.read(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new MissingPrerequisiteException(
          "cannot read " + file + ": " + e.getMessage(), "run '" + command + "'");
    } catch (InputException e) {
      throw new MissingPrerequisiteException(e.getMessage(), "run '" + command + "'");
    }
    if (outputs.isExample()) {
      throw new MissingPrerequisiteException(
          file + " holds the example values, not environment " + environment.id() + "'s",
          "run '" + command + "'");
    }
    requireEveryKey(file, outputs, command);
    String tag = outputs.values().getOrDefault(CloudOutputs.SAMPLE_SERVICE_TAG, "");
    if (!tag.contains("@sha256:")) {
      throw new MissingPrerequisiteException(
          "the sample service has not been pushed to environment "
              + environment.id()
              + "'s registry: "
              + file
              + (tag.isEmpty() ? " has no " : " has no digest in ")
              + CloudOutputs.SAMPLE_SERVICE_TAG,
          "run 'alphintra cloud images --env " + environment.id() + "'");
    }
    StateVersion recorded =
        outputs
            .state()
            .orElseThrow(
                () ->
                    new MissingPrerequisiteException(
                        file
                            + " was written from a saved 'terraform output -json', which does not"
                            + " say which state it came from",
                        "run '" + command + "', which reads the state itself"));
    StateVersion current = currentState(environment);
    if (recorded.isOlderThan(current)) {
      throw new MissingPrerequisiteException(
          file
              + " is from state serial "
              + recorded.serial()
              + " but environment "
              + environment.id()
              + "'s state is at serial "
              + current.serial()
              + (recorded.lineage().equals(current.lineage()) ? "" : " of another lineage"),
          "run '" + command + "'");
    }
    return recorded;
  }

  /**
   * The file holds every key the overlay reads: those of the committed example beside it (a test
   * keeps the example's keys equal to what {@code cloud outputs} writes). A file an older {@code
   * cloud outputs} wrote would otherwise fail later, inside kustomize, on the first missing key.
   */
  private static void requireEveryKey(Path file, CloudOutputs outputs, String command) {
    Path example = file.resolveSibling(CloudOutputsFile.EXAMPLE_NAME);
    if (!Files.isRegularFile(example)) {
      return;
    }
    Set<String> expected;
    try {
      expected =
          new TreeSet<>(
              CloudOutputs.read(Files.readString(example), example.toString()).values().keySet());
    } catch (IOException | InputException e) {
      return; // The example is check's business; the file itself is what matters here.
    }
    expected.removeAll(outputs.values().keySet());
    if (!expected.isEmpty()) {
      throw new MissingPrerequisiteException(
          file
              + " lacks "
              + String.join(", ", expected)
              + ", which the overlay reads (an older 'alphintra cloud outputs' wrote it)",
          "run '" + command + "'");
    }
  }

  private StateVersion currentState(Environment environment) {
    EnvironmentSettings settings = environments.apply(environment);
    Terraform terraform = new Terraform(settings.directory());
    String hint =
        "'alphintra cloud outputs --env "
            + environment.id()
            + "' shows the same problem with Terraform's output; 'gcloud auth"
            + " application-default login' when the credentials expired";
    ProcessResult init =
        processes.run(
            terraform
                .init(java.util.List.of("-backend-config=bucket=" + settings.stateBucket()))
                .withTimeout(CloudWorkflow.INIT_TIMEOUT));
    if (!init.succeeded()) {
      throw new MissingPrerequisiteException(
          "cannot read environment "
              + environment.id()
              + "'s Terraform state to compare (terraform init failed: "
              + init.describe()
              + ")",
          hint);
    }
    ProcessResult pull =
        processes.run(terraform.statePull().withTimeout(CloudWorkflow.QUERY_TIMEOUT));
    if (!pull.succeeded()) {
      throw new MissingPrerequisiteException(
          "cannot read environment "
              + environment.id()
              + "'s Terraform state to compare (terraform state pull failed: "
              + pull.describe()
              + ")",
          hint);
    }
    try {
      JsonNode state = new ObjectMapper().readTree(pull.stdout());
      if (state == null || !state.has("lineage") || !state.has("serial")) {
        throw new MissingPrerequisiteException(
            "environment " + environment.id() + " has no Terraform state yet",
            "run 'alphintra cloud apply --env " + environment.id() + "' first");
      }
      return new StateVersion(state.path("lineage").asText(), state.path("serial").asLong());
    } catch (JsonProcessingException e) {
      throw new MissingPrerequisiteException(
          "terraform state pull printed something that is not JSON", hint);
    }
  }
}
