package com.alphintra.infra.check.rules.xstack;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.check.rules.k8s.Container;
import com.alphintra.infra.check.rules.k8s.PodTemplate;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.GeneratedBlock;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every image an environment's overlay runs matches an admission pattern of that environment's
 * Binary Authorization policy (its Artifact Registry, and the patterns listed for third-party
 * images), so the policy does not refuse a workload the overlay deploys; and an image of the
 * environment's project in Artifact Registry names a Docker repository that environment's Terraform
 * creates, at its location. The images are those the overlay renders with its cloud outputs (the
 * REGISTRY replacement), the patterns and repositories as the environment root's values evaluate.
 */
public final class ImagesAreAdmittedByBinaryAuthorization implements Rule {

  /**
   * {@code LOCATION-docker.pkg.dev/PROJECT/REPOSITORY}, the start of an Artifact Registry image.
   */
  private static final Pattern ARTIFACT_REGISTRY =
      Pattern.compile("([a-z0-9-]+)-docker\\.pkg\\.dev/([^/]+)/([^/@:]+)");

  static final RuleInfo INFO =
      new RuleInfo(
          "xstack-image-admitted",
          "Every image an overlay runs is admitted by its environment's Binary Authorization policy and"
              + " exists in its Artifact Registry",
          Severity.MEDIUM,
          Target.XSTACK,
          "Binary Authorization refuses (or, in dry run, logs) every Pod whose image matches none of the policy's"
              + " admission patterns; the patterns live in Terraform and the images in the overlay, so a mirror"
              + " that was forgotten shows only when the Pods do not start. An image of the environment's project"
              + " in an Artifact Registry repository (or location) Terraform does not create passes the policy's"
              + " project-wide pattern and still cannot be pulled.",
          "Pull the image from the environment's Artifact Registry (mirror it with alphintra cloud images), or"
              + " add its registry path to binary_authorization_allowed_images; name the repository Terraform"
              + " creates (the REGISTRY of the overlay's cloud outputs).",
          List.of(
              "Binary Authorization: admission allowlist (admission_whitelist_patterns)",
              "GKE: mirror third-party images into Artifact Registry"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    OverlayObjects overlays = new OverlayObjects(platform);
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource policy :
        platform.terraform().resources("google_binary_authorization_policy")) {
      for (EvaluationContext context : platform.terraform().contexts(policy)) {
        String environment = context.name();
        if (!overlays.has(environment) || allowsAll(policy, context)) {
          continue;
        }
        Optional<List<GeneratedBlock>> blocks =
            context.blocks(policy.block().body(), "admission_whitelist_patterns");
        if (blocks.isEmpty()) {
          continue;
        }
        List<String> patterns = new ArrayList<>();
        boolean unknown = false;
        for (GeneratedBlock block : blocks.get()) {
          Optional<Object> pattern =
              block
                  .body()
                  .attribute("name_pattern")
                  .flatMap(attribute -> context.value(attribute.value(), block.symbols()));
          if (pattern.orElse(null) instanceof String text) {
            patterns.add(text);
          } else {
            unknown = true;
          }
        }
        if (unknown) {
          continue;
        }
        List<Pattern> compiled =
            patterns.stream().map(ImagesAreAdmittedByBinaryAuthorization::glob).toList();
        for (LoadedObject object : overlays.of(environment)) {
          Optional<PodTemplate> pod = PodTemplate.of(object);
          if (pod.isEmpty()) {
            continue;
          }
          for (Container container : pod.get().containers()) {
            if (!(container.fields().get("image") instanceof String image)
                || compiled.stream().anyMatch(p -> p.matcher(path(image)).matches())) {
              continue;
            }
            findings.add(
                Finding.about(
                    INFO,
                    platform,
                    object,
                    container.pathOf("image"),
                    container.describe(),
                    container.describe()
                        + " runs image \""
                        + image
                        + "\", which "
                        + policy.address()
                        + " of "
                        + environment
                        + " does not admit (patterns: "
                        + String.join(", ", patterns)
                        + ")"));
          }
        }
      }
    }
    findings.addAll(repositories(platform, overlays));
    return findings;
  }

  /**
   * Images of an environment's project in Artifact Registry ({@code
   * LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/...}) name a Docker repository the environment's
   * Terraform creates, at that location.
   */
  private static List<Finding> repositories(Platform platform, OverlayObjects overlays) {
    Map<String, Set<String>> created = new TreeMap<>();
    Set<String> unknown = new HashSet<>();
    for (TerraformResource repository :
        platform.terraform().resources("google_artifact_registry_repository")) {
      for (EvaluationContext context : platform.terraform().contexts(repository)) {
        Optional<String> location = string(repository, "location", context);
        Optional<String> project = string(repository, "project", context);
        Optional<String> id = string(repository, "repository_id", context);
        Optional<String> format = string(repository, "format", context);
        if (location.isEmpty() || project.isEmpty() || id.isEmpty() || format.isEmpty()) {
          unknown.add(context.name());
          continue;
        }
        if (format.get().equalsIgnoreCase("DOCKER")) {
          created
              .computeIfAbsent(context.name(), key -> new TreeSet<>())
              .add(location.get() + "-docker.pkg.dev/" + project.get() + "/" + id.get());
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    created.forEach(
        (environment, paths) -> {
          if (unknown.contains(environment) || !overlays.has(environment)) {
            return;
          }
          Set<String> projects = new HashSet<>();
          paths.forEach(path -> projects.add(path.split("/")[1]));
          for (LoadedObject object : overlays.of(environment)) {
            Optional<PodTemplate> pod = PodTemplate.of(object);
            if (pod.isEmpty()) {
              continue;
            }
            for (Container container : pod.get().containers()) {
              if (!(container.fields().get("image") instanceof String image)) {
                continue;
              }
              Matcher registry = ARTIFACT_REGISTRY.matcher(image);
              if (!registry.lookingAt()
                  || !projects.contains(registry.group(2))
                  || paths.contains(registry.group(0))) {
                continue;
              }
              findings.add(
                  Finding.about(
                      INFO,
                      platform,
                      object,
                      container.pathOf("image"),
                      container.describe(),
                      container.describe()
                          + " runs image \""
                          + image
                          + "\" from Artifact Registry repository "
                          + registry.group(0)
                          + ", which the Terraform of "
                          + environment
                          + " does not create (it creates "
                          + String.join(", ", paths)
                          + ")"));
            }
          }
        });
    return findings;
  }

  private static Optional<String> string(
      TerraformResource resource, String path, EvaluationContext context) {
    return resource.attribute(path).flatMap(attribute -> context.string(attribute.value()));
  }

  private static boolean allowsAll(TerraformResource policy, EvaluationContext context) {
    return policy
        .attribute("default_admission_rule.evaluation_mode")
        .flatMap(attribute -> context.string(attribute.value()))
        .filter("ALWAYS_ALLOW"::equals)
        .isPresent();
  }

  /** The image without its tag or digest: what an admission pattern matches. */
  private static String path(String image) {
    String reference = image;
    int at = reference.indexOf('@');
    if (at >= 0) {
      reference = reference.substring(0, at);
    }
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    return colon > slash ? reference.substring(0, colon) : reference;
  }

  /** {@code **} matches across path segments, {@code *} within one. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int index = 0; index < pattern.length(); index++) {
      char c = pattern.charAt(index);
      if (c == '*' && index + 1 < pattern.length() && pattern.charAt(index + 1) == '*') {
        regex.append(".*");
        index++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
