package com.alphintra.infra.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The workflows under {@code .github/workflows}, read as YAML and as text, and the conventions they
 * keep: every action pinned by a full commit SHA with its release in a comment, no permissions at
 * the workflow's level and explicit ones per job, and the tool versions infra/versions.yaml pins.
 * Each check returns its problems, so tests show it on the repository (none) and on fixtures.
 */
final class GithubWorkflows {

  /** {@code uses: owner/repo[/path]@ref # comment}; a local {@code ./} action has no ref. */
  private static final Pattern USES =
      Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*([^\\s@#]+)(?:@(\\S+))?\\s*(?:#\\s*(\\S+))?.*$");

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern RELEASE = Pattern.compile("v\\d+\\.\\d+\\.\\d+");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{.*?}}", Pattern.DOTALL);

  /** One workflow file: its path, its text and its YAML. */
  record Workflow(Path file, String text, Map<String, Object> yaml) {

    String name() {
      return file.getFileName().toString();
    }

    Map<String, Map<String, Object>> jobs() {
      Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
      map(yaml.get("jobs")).forEach((id, job) -> jobs.put(String.valueOf(id), map(job)));
      return jobs;
    }

    Map<String, Object> env() {
      return map(yaml.get("env"));
    }
  }

  /** An action a workflow uses, with the line it is on. */
  record ActionUse(Workflow workflow, int line, String action, String ref, String comment) {

    String where() {
      return workflow.name() + ":" + line;
    }

    String repository() {
      String[] parts = action.split("/");
      return parts.length >= 2 ? parts[0] + "/" + parts[1] : action;
    }
  }

  /** A step's run: block, its shell script with every expression made a plain word. */
  record RunScript(Workflow workflow, String job, int step, String script) {

    String where() {
      return workflow.name() + " job " + job + " step " + (step + 1);
    }
  }

  private GithubWorkflows() {}

  static Path directory() {
    return InfraTree.repositoryRoot().resolve(".github/workflows");
  }

  static List<Workflow> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
          .sorted()
          .map(GithubWorkflows::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Workflow read(Path file) {
    try {
      String text = Files.readString(file);
      Object yaml = new Load(LoadSettings.builder().build()).loadFromString(text);
      return new Workflow(file, text, map(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ActionUse> actionUses(Workflow workflow) {
    List<ActionUse> uses = new ArrayList<>();
    String[] lines = workflow.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher matcher = USES.matcher(lines[i]);
      if (matcher.matches()) {
        uses.add(
            new ActionUse(workflow, i + 1, matcher.group(1), matcher.group(2), matcher.group(3)));
      }
    }
    return uses;
  }

  /** Third-party actions not pinned by a full commit SHA with a {@code # vX.Y.Z} comment. */
  static List<String> unpinnedActions(List<Workflow> workflows) {
    List<String> problems = new ArrayList<>();
    Map<String, String> pinOfRelease = new LinkedHashMap<>();
    for (Workflow workflow : workflows) {
      for (ActionUse use : actionUses(workflow)) {
        if (use.action().startsWith("./")) {
          continue;
        }
        if (use.ref() == null || !SHA.matcher(use.ref()).matches()) {
          problems.add(use.where() + ": " + use.action() + " is not pinned by a full commit SHA");
        } else if (use.comment() == null || !RELEASE.matcher(use.comment()).matches()) {
          problems.add(use.where() + ": " + use.action() + " has no '# vX.Y.Z' release comment");
        } else {
          String key = use.repository() + "@" + use.comment();
          String earlier = pinOfRelease.putIfAbsent(key, use.ref());
          if (earlier != null && !earlier.equals(use.ref())) {
            problems.add(use.where() + ": " + key + " pinned to two different commits");
          }
        }
      }
    }
    return problems;
  }

  /** Workflows that grant permissions at their level, and jobs that do not state their own. */
  static List<String> permissionProblems(List<Workflow> workflows) {
    List<String> problems = new ArrayList<>();
    for (Workflow workflow : workflows) {
      Object top = workflow.yaml().get("permissions");
      if (!(top instanceof Map<?, ?> granted && granted.isEmpty())) {
        problems.add(workflow.name() + ": top-level permissions must be {} (grant per job)");
      }
      workflow
          .jobs()
          .forEach(
              (id, job) -> {
                Object permissions = job.get("permissions");
                if (!(permissions instanceof Map<?, ?> granted)) {
                  problems.add(workflow.name() + " job " + id + ": no permissions: of its own");
                } else if ("write".equals(granted.get("contents"))) {
                  problems.add(workflow.name() + " job " + id + ": contents: write");
                }
              });
    }
    return problems;
  }

  /**
   * Where the workflows install a tool in another version than {@code pins} (tools.* of
   * infra/versions.yaml): the K3D_/KUBECTL_/TERRAFORM_ environment variables, every setup-terraform
   * and setup-java step.
   */
  static List<String> versionMismatches(List<Workflow> workflows, Map<String, String> pins) {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("K3D_VERSION", pins.get("tools.k3d.tested"));
    expected.put("K3D_SHA256", pins.get("tools.k3d.linuxAmd64Sha256"));
    expected.put("KUBECTL_VERSION", pins.get("tools.kubectl.tested"));
    expected.put("KUBECTL_SHA256", pins.get("tools.kubectl.linuxAmd64Sha256"));
    expected.put("TERRAFORM_VERSION", pins.get("tools.terraform.tested"));
    List<String> problems = new ArrayList<>();
    for (Workflow workflow : workflows) {
      workflow
          .env()
          .forEach(
              (name, value) -> {
                String want = expected.get(String.valueOf(name));
                if (expected.containsKey(String.valueOf(name))
                    && !String.valueOf(value).equals(want)) {
                  problems.add(
                      workflow.name()
                          + ": "
                          + name
                          + " is "
                          + value
                          + ", infra/versions.yaml: "
                          + want);
                }
              });
      boolean installsK3d = workflow.text().contains("k3d-linux-amd64");
      boolean installsKubectl = workflow.text().contains("/bin/linux/amd64/kubectl");
      for (String variable : List.of("K3D_VERSION", "K3D_SHA256")) {
        if (installsK3d && !workflow.env().containsKey(variable)) {
          problems.add(workflow.name() + ": installs k3d without " + variable);
        }
      }
      for (String variable : List.of("KUBECTL_VERSION", "KUBECTL_SHA256")) {
        if (installsKubectl && !workflow.env().containsKey(variable)) {
          problems.add(workflow.name() + ": installs kubectl without " + variable);
        }
      }
      workflow
          .jobs()
          .forEach(
              (id, job) -> {
                List<Object> steps = list(job.get("steps"));
                for (int i = 0; i < steps.size(); i++) {
                  Map<String, Object> step = map(steps.get(i));
                  String uses = String.valueOf(step.getOrDefault("uses", ""));
                  Map<String, Object> with = map(step.get("with"));
                  String where = workflow.name() + " job " + id + " step " + (i + 1);
                  if (uses.startsWith("hashicorp/setup-terraform@")) {
                    if (!"${{ env.TERRAFORM_VERSION }}".equals(with.get("terraform_version"))) {
                      problems.add(
                          where + ": setup-terraform must install ${{ env.TERRAFORM_VERSION }}");
                    }
                    if (!workflow.env().containsKey("TERRAFORM_VERSION")) {
                      problems.add(where + ": setup-terraform without a TERRAFORM_VERSION");
                    }
                  }
                  if (uses.startsWith("actions/setup-java@")
                      && !String.valueOf(with.get("java-version"))
                          .equals(pins.get("tools.java.minimum"))) {
                    problems.add(
                        where
                            + ": java-version "
                            + with.get("java-version")
                            + ", infra/versions.yaml tools.java.minimum: "
                            + pins.get("tools.java.minimum"));
                  }
                }
              });
    }
    return problems;
  }

  /** Every run: block, with each {@code ${{ }}} expression replaced by a word of its length. */
  static List<RunScript> runScripts(Workflow workflow) {
    List<RunScript> scripts = new ArrayList<>();
    workflow
        .jobs()
        .forEach(
            (id, job) -> {
              List<Object> steps = list(job.get("steps"));
              for (int i = 0; i < steps.size(); i++) {
                Object run = map(steps.get(i)).get("run");
                if (run != null) {
                  Matcher matcher = EXPRESSION.matcher(String.valueOf(run));
                  StringBuilder script = new StringBuilder();
                  while (matcher.find()) {
                    matcher.appendReplacement(script, "_".repeat(matcher.group().length()));
                  }
                  matcher.appendTail(script);
                  scripts.add(new RunScript(workflow, id, i, script.toString()));
                }
              }
            });
    return scripts;
  }

  static Map<String, Object> map(Object value) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : List.of();
  }
}
