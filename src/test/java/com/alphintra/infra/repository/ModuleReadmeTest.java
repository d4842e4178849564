package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.HclParser;
import com.alphintra.infra.terraform.ModuleCall;
import com.alphintra.infra.terraform.ModuleDocs;
import com.alphintra.infra.terraform.TerraformLoader;
import com.alphintra.infra.terraform.TerraformModule;
import com.alphintra.infra.terraform.Variable;
import com.alphintra.infra.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each module README's Inputs and Outputs tables are generated from the module, and its usage block
 * calls the module as the module allows: every required variable set, nothing it does not declare.
 */
class ModuleReadmeTest {

  static final String REGENERATE =
      "./mvnw -q test -Dtest=ModuleReadmeTest -Dalphintra.updateDocs=true";
  private static final Pattern MODULE_BLOCK = Pattern.compile("module\\s+\"[^\"]+\"\\s*\\{");

  static Path root() {
    return Workspace.find(Path.of("")).orElseThrow().root();
  }

  static Stream<String> modules() throws IOException {
    try (Stream<Path> dirs = Files.list(root().resolve("infra/terraform/modules"))) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void tablesMatchTheModule(String name) throws IOException {
    Path dir = root().resolve("infra/terraform/modules").resolve(name);
    Path readme = dir.resolve("README.md");
    String committed = Files.exists(readme) ? Files.readString(readme) : "";
    Optional<String> generated =
        ModuleDocs.withSection(committed, ModuleDocs.markdown(TerraformLoader.loadModule(dir)));
    assertThat(generated)
        .withFailMessage(
            "%s has no %s ... %s section; add both markers where the Inputs and Outputs tables go,"
                + " then run:%n  %s",
            relative(readme), ModuleDocs.BEGIN, ModuleDocs.END, REGENERATE)
        .isPresent();
    if (Boolean.getBoolean("alphintra.updateDocs")) {
      Files.writeString(readme, generated.get());
      committed = generated.get();
    }
    assertThat(committed)
        .withFailMessage(
            "%s's tables are out of date with the module's variables and outputs; regenerate them"
                + " with:%n  %s",
            relative(readme), REGENERATE)
        .isEqualTo(generated.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void usageSetsEveryRequiredVariableAndNoUnknownOne(String name) throws IOException {
    Path dir = root().resolve("infra/terraform/modules").resolve(name);
    Path readme = dir.resolve("README.md");
    TerraformModule module = TerraformLoader.loadModule(dir);
    Optional<HclFile> usage = usageBlock(readme);
    assertThat(usage)
        .withFailMessage("%s has no ```hcl usage block calling the module", relative(readme))
        .isPresent();
    List<ModuleCall> calls = TerraformModule.of(dir, List.of(usage.get()), List.of()).moduleCalls();
    ModuleCall call = calls.get(0);
    int callLine = call.range().start().line();

    List<String> problems = new ArrayList<>();
    if (!call.source().filter(s -> s.endsWith("modules/" + name)).isPresent()) {
      problems.add(
          relative(readme) + ":" + callLine + ": the usage block's source is not modules/" + name);
    }
    for (Variable variable : module.variables()) {
      if (variable.isRequired() && !call.arguments().containsKey(variable.name())) {
        problems.add(
            relative(readme)
                + ":"
                + callLine
                + ": the usage block does not set required variable \""
                + variable.name()
                + "\"");
      }
    }
    call.arguments().values().stream()
        .filter(argument -> module.variable(argument.name()).isEmpty())
        .sorted(Comparator.comparingInt(argument -> argument.range().start().offset()))
        .forEach(
            argument ->
                problems.add(
                    relative(readme)
                        + ":"
                        + argument.range().start().line()
                        + ": the usage block sets \""
                        + argument.name()
                        + "\", which module "
                        + name
                        + " does not declare"));
    assertThat(problems)
        .withFailMessage("fix the README's usage block:%n  %s", String.join("\n  ", problems))
        .isEmpty();
  }

  /**
   * The first ```hcl block that calls a module, parsed with line numbers of the README: the lines
   * before it become blank lines, so every range and parse error points into the README itself.
   */
  private static Optional<HclFile> usageBlock(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    for (int open = 0; open < lines.size(); open++) {
      if (!lines.get(open).strip().equals("```hcl")) {
        continue;
      }
      int close = open + 1;
      while (close < lines.size() && !lines.get(close).strip().startsWith("```")) {
        close++;
      }
      String body = String.join("\n", lines.subList(open + 1, close));
      if (MODULE_BLOCK.matcher(body).find()) {
        return Optional.of(HclParser.parse("\n".repeat(open + 1) + body + "\n", relative(readme)));
      }
      open = close;
    }
    return Optional.empty();
  }

  private static Path relative(Path file) {
    return root().relativize(file);
  }
}
