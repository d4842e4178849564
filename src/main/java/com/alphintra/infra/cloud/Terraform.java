package com.alphintra.infra.cloud;

import com.alphintra.infra.exec.Command;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The terraform command lines the workflow runs in one root directory. Never interactive. */
record Terraform(Path directory) {

  Command init(List<String> backendArguments) {
    List<String> arguments = new ArrayList<>(base("init"));
    arguments.add("-input=false");
    arguments.add("-reconfigure");
    arguments.addAll(backendArguments);
    return Command.of(arguments);
  }

  Command selectWorkspace(String name) {
    List<String> arguments = new ArrayList<>(base("workspace"));
    arguments.addAll(List.of("select", "-or-create=true", name));
    return Command.of(arguments);
  }

  Command plan(Path planFile, Optional<Path> varFile, boolean destroy) {
    List<String> arguments = new ArrayList<>(base("plan"));
    arguments.addAll(List.of("-input=false", "-lock-timeout=5m"));
    if (destroy) {
      arguments.add("-destroy");
    }
    varFile.ifPresent(file -> arguments.add("-var-file=" + file.toAbsolutePath()));
    arguments.add("-out=" + planFile.toAbsolutePath());
    return Command.of(arguments);
  }

  Command show(Path planFile) {
    List<String> arguments = new ArrayList<>(base("show"));
    arguments.addAll(List.of("-json", planFile.toAbsolutePath().toString()));
    return Command.of(arguments);
  }

  /** Applies exactly the saved plan: nothing that was not shown and reviewed can slip in. */
  Command applyPlan(Path planFile) {
    List<String> arguments = new ArrayList<>(base("apply"));
    arguments.addAll(
        List.of("-input=false", "-lock-timeout=5m", planFile.toAbsolutePath().toString()));
    return Command.of(arguments);
  }

  Command applyVariables(List<String> variables) {
    List<String> arguments = new ArrayList<>(base("apply"));
    arguments.addAll(List.of("-input=false", "-auto-approve"));
    arguments.addAll(variables);
    return Command.of(arguments);
  }

  Command outputs() {
    List<String> arguments = new ArrayList<>(base("output"));
    arguments.add("-json");
    return Command.of(arguments);
  }

  /** The state snapshot: outputs with the serial and lineage that say which write it is. */
  Command statePull() {
    List<String> arguments = new ArrayList<>(base("state"));
    arguments.add("pull");
    return Command.of(arguments);
  }

  private List<String> base(String subcommand) {
    return List.of("terraform", "-chdir=" + directory.toAbsolutePath(), subcommand);
  }
}
