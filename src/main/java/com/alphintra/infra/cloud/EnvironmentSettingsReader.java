package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.terraform.Evaluator;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.TerraformLoader;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an environment root's settings from its own files: the project comes from {@code
 * project_id} in its {@code terraform.tfvars}, so the workflow deploys exactly where the reviewed
 * configuration says.
 */
public final class EnvironmentSettingsReader {

  private final Path environmentsDirectory;

  public EnvironmentSettingsReader(Path environmentsDirectory) {
    this.environmentsDirectory = environmentsDirectory;
  }

  public EnvironmentSettings read(Environment environment) {
    Path directory = environmentsDirectory.resolve(environment.id());
    if (!Files.isDirectory(directory)) {
      throw new InputException(
          "no Terraform root for environment " + environment.id(),
          directory,
          "restore infra/terraform/environments/" + environment.id() + " from git");
    }
    TerraformModule module;
    try {
      module = TerraformLoader.loadModule(directory);
    } catch (HclParseException e) {
      throw new InputException(
          e.getMessage(), directory.resolve("terraform.tfvars"), "fix the HCL syntax");
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + directory + ": " + e.getMessage(),
          directory,
          "check the folder's permissions");
    }
    Attribute projectId = module.tfvars().get("project_id");
    Value value =
        projectId == null
            ? Value.unknown()
            : Evaluator.withoutContext().evaluate(projectId.value());
    if (!(value instanceof StringValue project) || project.value().isBlank()) {
      throw new InputException(
          "environment " + environment.id() + " sets no literal project_id",
          directory.resolve("terraform.tfvars"),
          "set project_id = \"<your project>\" in its terraform.tfvars");
    }
    return new EnvironmentSettings(environment, directory, project.value());
  }
}
