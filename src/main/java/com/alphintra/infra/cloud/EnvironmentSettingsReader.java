package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.hcl.Range;
import com.alphintra.infra.terraform.Evaluator;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.StringValue;
import com.alphintra.infra.terraform.TerraformLoader;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an environment root's settings from its own files: the project comes from the {@code
 * project_id} argument of its {@code module "platform"} call in {@code main.tf}, the one place the
 * root writes it, so the workflow deploys exactly where the reviewed configuration says.
 */
public final class EnvironmentSettingsReader {

  /** The module call of an environment root that carries the environment's values. */
  static final String PLATFORM_MODULE = "platform";

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
      Range at = e.first().subject();
      throw new InputException(
          e.getMessage(),
          at.file(),
          at.start().line(),
          at.start().column(),
          "fix the HCL syntax",
          e);
    } catch (IOException e) {
      throw new InputException(
          "cannot read " + directory + ": " + e.getMessage(),
          directory,
          "check the folder's permissions");
    }
    Path mainFile = directory.resolve("main.tf");
    Optional<ModuleCall> platform = module.moduleCall(PLATFORM_MODULE);
    Optional<Attribute> projectId =
        platform.flatMap(call -> Optional.ofNullable(call.arguments().get("project_id")));
    Value value =
        projectId.map(a -> Evaluator.withoutContext().evaluate(a.value())).orElse(Value.unknown());
    if (!(value instanceof StringValue project) || project.value().isBlank()) {
      Range at =
          projectId.map(Attribute::range).or(() -> platform.map(ModuleCall::range)).orElse(null);
      throw new InputException(
          "environment "
              + environment.id()
              + (platform.isEmpty()
                  ? " has no module \"" + PLATFORM_MODULE + "\" call"
                  : " sets no literal project_id in its module \"" + PLATFORM_MODULE + "\" call"),
          at == null ? mainFile : at.file(),
          at == null ? 0 : at.start().line(),
          at == null ? 0 : at.start().column(),
          "set project_id = \"<your project>\" in the module \""
              + PLATFORM_MODULE
              + "\" call of infra/terraform/environments/"
              + environment.id()
              + "/main.tf",
          null);
    }
    return new EnvironmentSettings(environment, directory, project.value());
  }
}
