package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * .pre-commit-config.yaml gives contributors terraform fmt, shellcheck and alphintra check; the
 * .pre-commit-hooks.yaml offers alphintra check to other repositories through this repository's
 * launcher.
 */
class PreCommitHooksTest {

  private static final Path ROOT = InfraTree.repositoryRoot();

  private static Object yaml(String file) throws IOException {
    return new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(ROOT.resolve(file)));
  }

  private static List<Map<String, Object>> contributorHooks() throws IOException {
    List<Map<String, Object>> hooks = new ArrayList<>();
    for (Object repo :
        GithubWorkflows.list(GithubWorkflows.map(yaml(".pre-commit-config.yaml")).get("repos"))) {
      assertThat(GithubWorkflows.map(repo).get("repo")).isEqualTo("local");
      GithubWorkflows.list(GithubWorkflows.map(repo).get("hooks"))
          .forEach(hook -> hooks.add(GithubWorkflows.map(hook)));
    }
    return hooks;
  }

  private static Map<String, Object> hook(List<Map<String, Object>> hooks, String id) {
    return hooks.stream().filter(h -> id.equals(h.get("id"))).findFirst().orElseThrow();
  }

  @Test
  void contributorsGetTerraformFmtShellcheckAndCheck() throws IOException {
    List<Map<String, Object>> hooks = contributorHooks();
    assertThat(hooks)
        .extracting(h -> h.get("id"))
        .containsExactly("terraform-fmt", "shellcheck", "alphintra-check");
    assertThat(hook(hooks, "terraform-fmt").get("entry")).isEqualTo("terraform fmt");
    assertThat(Pattern.compile(String.valueOf(hook(hooks, "terraform-fmt").get("files"))))
        .matches(p -> p.matcher("infra/terraform/modules/gke/main.tf").find())
        .matches(p -> !p.matcher("README.md").find())
        .matches(
            p ->
                !p.matcher("src/test/resources/rules/gke-monitoring/fail/infra/terraform/main.tf")
                    .find());
    assertThat(hook(hooks, "shellcheck").get("types")).isEqualTo(List.of("shell"));
    Map<String, Object> check = hook(hooks, "alphintra-check");
    assertThat(check)
        .containsEntry("entry", "alphintra check")
        .containsEntry("language", "script")
        .containsEntry("pass_filenames", false);
    assertThat(Pattern.compile(String.valueOf(check.get("files"))))
        .matches(p -> p.matcher("infra/kubernetes/base/namespace.yaml").find())
        .matches(p -> !p.matcher("src/main/java/Main.java").find());
  }

  @Test
  void otherRepositoriesGetAlphintraCheckAsAHook() throws IOException {
    List<Object> hooks = GithubWorkflows.list(yaml(".pre-commit-hooks.yaml"));
    assertThat(hooks).hasSize(1);
    Map<String, Object> hook = GithubWorkflows.map(hooks.get(0));
    assertThat(hook)
        .containsEntry("id", "alphintra-check")
        .containsEntry("language", "script")
        .containsEntry("pass_filenames", false)
        .containsKeys("name", "description", "files");
    String entry = String.valueOf(hook.get("entry"));
    assertThat(entry).isEqualTo("alphintra check");
    // A script hook's entry is a path inside this repository.
    assertThat(Files.isExecutable(ROOT.resolve(entry.split(" ")[0]))).isTrue();
  }
}
