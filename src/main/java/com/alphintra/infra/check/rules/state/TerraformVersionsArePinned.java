package com.alphintra.infra.check.rules.state;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.ObjectExpr;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.terraform.TerraformModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Terraform directory says which Terraform it needs (a lower bound) and which google provider
 * it was written for (an upper bound too, so a new major release cannot change its meaning
 * unannounced).
 */
public final class TerraformVersionsArePinned implements Rule {

  static final Set<String> GOOGLE_SOURCES =
      Set.of(
          "hashicorp/google",
          "hashicorp/google-beta",
          "registry.terraform.io/hashicorp/google",
          "registry.terraform.io/hashicorp/google-beta");

  static final RuleInfo INFO =
      new RuleInfo(
          "state-versions-pinned",
          "Every Terraform directory bounds its Terraform version and its google provider's major version",
          Severity.MEDIUM,
          Target.STATE,
          "Without a required_version an older Terraform may misread the configuration or rewrite the state in a"
              + " format the team's version cannot read; without an upper bound on hashicorp/google, the next major"
              + " release (with its changed defaults and removed fields) is picked up by the next init.",
          "Set terraform { required_version = \">= 1.6\" } and required_providers { google = { source ="
              + " \"hashicorp/google\", version = \">= 6.50, < 7.0\" } } in the directory's versions.tf.",
          List.of(
              "tflint terraform_required_version",
              "tflint terraform_required_providers",
              "https://developer.hashicorp.com/terraform/language/providers/requirements"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformModule module : platform.terraform().modules()) {
      if (module.files().isEmpty()) {
        continue;
      }
      String directory = directory(module);
      List<Block> settings = new ArrayList<>();
      for (HclFile file : module.files()) {
        settings.addAll(file.body().blocks("terraform"));
      }
      if (settings.isEmpty()) {
        Path file = preferredFile(module);
        findings.add(
            Finding.of(
                INFO,
                file,
                firstLine(module, file),
                directory,
                directory
                    + " has no terraform block, so neither Terraform nor provider versions are pinned"));
        continue;
      }
      findings.addAll(checkRequiredVersion(settings, directory));
      if (usesGoogle(module)) {
        findings.addAll(checkGoogleProvider(settings, directory));
      }
    }
    return findings;
  }

  private static List<Finding> checkRequiredVersion(List<Block> settings, String directory) {
    for (Block block : settings) {
      Optional<Attribute> required = block.body().attribute("required_version");
      if (required.isPresent()) {
        Optional<String> constraint = literal(required.get());
        if (constraint.isPresent() && !hasLowerBound(constraint.get())) {
          return List.of(
              Finding.of(
                  INFO,
                  required.get().range().file(),
                  required.get().range().start().line(),
                  directory,
                  directory
                      + " sets required_version = \""
                      + constraint.get()
                      + "\", which has no lower bound"));
        }
        return List.of();
      }
    }
    Block first = settings.get(0);
    return List.of(
        Finding.of(
            INFO,
            first.range().file(),
            first.range().start().line(),
            directory,
            directory + " does not set required_version"));
  }

  private static List<Finding> checkGoogleProvider(List<Block> settings, String directory) {
    for (Block block : settings) {
      for (Block required : block.body().blocks("required_providers")) {
        for (Attribute entry : required.body().attributes()) {
          if (!isGoogle(entry)) {
            continue;
          }
          Optional<String> version =
              entry.value() instanceof ObjectExpr object
                  ? object.get("version").flatMap(TerraformVersionsArePinned::literal)
                  : literal(entry.value());
          boolean versionWritten =
              entry.value() instanceof ObjectExpr object ? object.get("version").isPresent() : true;
          if (!versionWritten) {
            return List.of(
                Finding.of(
                    INFO,
                    entry.range().file(),
                    entry.range().start().line(),
                    directory,
                    directory
                        + " requires provider "
                        + entry.name()
                        + " without a version constraint"));
          }
          if (version.isPresent() && !hasUpperBound(version.get())) {
            return List.of(
                Finding.of(
                    INFO,
                    entry.range().file(),
                    entry.range().start().line(),
                    directory,
                    directory
                        + " requires provider "
                        + entry.name()
                        + " version \""
                        + version.get()
                        + "\", which has no upper bound"));
          }
          return List.of();
        }
      }
    }
    Block first = settings.get(0);
    return List.of(
        Finding.of(
            INFO,
            first.range().file(),
            first.range().start().line(),
            directory,
            directory
                + " uses google resources but does not list hashicorp/google in required_providers"));
  }

  private static boolean isGoogle(Attribute entry) {
    if (entry.value() instanceof ObjectExpr object) {
      Optional<String> source = object.get("source").flatMap(TerraformVersionsArePinned::literal);
      return source
          .map(s -> GOOGLE_SOURCES.contains(s.toLowerCase(java.util.Locale.ROOT)))
          .orElse(entry.name().equals("google") || entry.name().equals("google-beta"));
    }
    return entry.name().equals("google") || entry.name().equals("google-beta");
  }

  private static boolean usesGoogle(TerraformModule module) {
    return module.resources().stream().anyMatch(r -> r.type().startsWith("google_"))
        || module.dataSources().stream().anyMatch(r -> r.type().startsWith("google_"))
        || module.providers().stream().anyMatch(p -> p.name().startsWith("google"));
  }

  static boolean hasLowerBound(String constraint) {
    return clauses(constraint).stream()
        .anyMatch(op -> Set.of(">", ">=", "~>", "=", "").contains(op));
  }

  static boolean hasUpperBound(String constraint) {
    return clauses(constraint).stream()
        .anyMatch(op -> Set.of("<", "<=", "~>", "=", "").contains(op));
  }

  /** The operator of each clause of a version constraint ({@code ""} for a bare, exact version). */
  private static List<String> clauses(String constraint) {
    List<String> operators = new ArrayList<>();
    for (String clause : constraint.split(",")) {
      String trimmed = clause.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int end = 0;
      while (end < trimmed.length() && "<>=~!".indexOf(trimmed.charAt(end)) >= 0) {
        end++;
      }
      operators.add(trimmed.substring(0, end));
    }
    return operators;
  }

  private static Optional<String> literal(Attribute attribute) {
    return literal(attribute.value());
  }

  private static Optional<String> literal(com.alphintra.infra.hcl.Expression expression) {
    return expression instanceof TemplateExpr template ? template.literalValue() : Optional.empty();
  }

  private static Path preferredFile(TerraformModule module) {
    for (String name : List.of("versions.tf", "main.tf")) {
      for (HclFile file : module.files()) {
        if (file.path().getFileName().toString().equals(name)) {
          return file.path();
        }
      }
    }
    return module.files().get(0).path();
  }

  private static String directory(TerraformModule module) {
    Path file = module.files().get(0).path();
    Path parent = file.getParent();
    return parent == null ? "." : parent.toString().replace('\\', '/');
  }

  /**
   * The first block of {@code file} in {@code module} (where a terraform block would go), else 1.
   */
  private static int firstLine(TerraformModule module, Path file) {
    return module.files().stream()
        .filter(hcl -> hcl.path().equals(file) && !hcl.body().blocks().isEmpty())
        .map(hcl -> hcl.body().blocks().get(0).range().start().line())
        .findFirst()
        .orElse(1);
  }
}
