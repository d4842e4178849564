package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.Output;
import com.alphintra.infra.terraform.TerraformModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every {@code ${name}} placeholder in an environment's overlay (the Cloud SQL private IP, the
 * Redis host and port in ConfigMaps, ServiceEntries and NetworkPolicies) names an output the
 * environment's Terraform declares, since the tool fills them from {@code terraform output}.
 */
public final class PlaceholdersNameOutputs implements Rule {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_-]*)}");

  static final RuleInfo INFO =
      new RuleInfo(
          "xstack-output-placeholder",
          "Overlay placeholders name outputs of the environment's Terraform",
          Severity.HIGH,
          Target.XSTACK,
          "The database and cache endpoints in the cloud overlays are ${output} placeholders filled from terraform"
              + " output; a placeholder no output matches stays literal, so the services connect to \"${...}\" and"
              + " the egress rules allow nothing.",
          "Rename the placeholder to an output of infra/terraform/environments/<env>/outputs.tf, or declare that"
              + " output.",
          List.of("terraform output (the values the placeholders take)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    OverlayObjects overlays = new OverlayObjects(platform);
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, TerraformModule> environment :
        platform.terraform().environments().entrySet()) {
      String name = environment.getKey();
      if (!overlays.has(name)) {
        continue;
      }
      Set<String> outputs =
          environment.getValue().outputs().stream().map(Output::name).collect(Collectors.toSet());
      String where = platform.terraform().relative(environment.getValue().directory()).toString();
      for (LoadedObject object : overlays.of(name)) {
        boolean configMap = object.kind().equals("ConfigMap");
        walk(
            object.object().raw(),
            "",
            (path, text) -> {
              if (configMap && path.startsWith("data") && path.endsWith(".json\"]")) {
                return; // a Grafana dashboard's own ${variables}
              }
              Matcher matcher = PLACEHOLDER.matcher(text);
              while (matcher.find()) {
                String placeholder = matcher.group(1);
                if (!outputs.contains(placeholder)) {
                  String placeholderText = "${" + placeholder + "}";
                  LoadedObject written =
                      overlays.writtenFor(
                          name,
                          object,
                          candidate ->
                              candidate
                                  .object()
                                  .document()
                                  .valueAt(com.alphintra.infra.manifest.FieldPath.parse(path))
                                  .filter(value -> String.valueOf(value).contains(placeholderText))
                                  .isPresent());
                  findings.add(
                      Finding.of(
                          INFO,
                          written.file(),
                          written.lineOf(path),
                          object.describe(),
                          object.describe()
                              + " in overlay "
                              + name
                              + " uses ${"
                              + placeholder
                              + "} at "
                              + path
                              + ", but "
                              + where
                              + " declares no output \""
                              + placeholder
                              + "\""));
                }
              }
            });
      }
    }
    return findings;
  }

  private interface StringVisitor {
    void visit(String path, String text);
  }

  private static void walk(Object node, String path, StringVisitor visitor) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            String name = String.valueOf(key);
            String step =
                name.matches("[A-Za-z0-9_-]+")
                    ? (path.isEmpty() ? name : path + "." + name)
                    : path + "[\"" + name + "\"]";
            walk(value, step, visitor);
          });
    } else if (node instanceof List<?> list) {
      for (int index = 0; index < list.size(); index++) {
        walk(list.get(index), path + "[" + index + "]", visitor);
      }
    } else if (node instanceof String text && text.contains("${")) {
      visitor.visit(path, text);
    }
  }
}
