package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.SourceLocation;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster sends to Cloud Logging or Cloud Monitoring: a service ({@code logging_service}),
 * which {@code "none"} turns off, and the components it collects ({@code
 * logging_config.enable_components}).
 *
 * @param destination where the telemetry goes, for messages ({@code Cloud Logging})
 * @param service the service attribute
 * @param components the components attribute
 * @param required the components that must be collected
 * @param whenUnset what leaving the components unset loses, for the message; empty when GKE's
 *     default collects every required component
 */
record Telemetry(
    String destination,
    String service,
    String components,
    List<String> required,
    Optional<String> whenUnset) {

  static final String OFF = "none";

  Telemetry {
    required = List.copyOf(required);
  }

  /**
   * One finding per gap, with the contexts it is in: the service off, the components unset or
   * missing some.
   */
  List<Finding> check(RuleInfo info, TerraformView terraform, TerraformResource cluster) {
    Optional<Attribute> serviceAttribute = cluster.attribute(service);
    Optional<Attribute> componentsAttribute = cluster.attribute(components);
    List<EvaluationContext> contexts = terraform.contexts(cluster);
    Outcomes<Gap> gaps = new Outcomes<>(contexts.size());
    for (EvaluationContext context : contexts) {
      if (serviceAttribute
          .flatMap(found -> context.value(found.value()))
          .filter(OFF::equals)
          .isPresent()) {
        gaps.add(
            new Gap(
                service,
                OFF,
                List.of(),
                SourceLocation.of(context.origin(serviceAttribute.get().value()))),
            context.name());
      } else if (componentsAttribute.isEmpty()) {
        SourceLocation block = new SourceLocation(cluster.file(), cluster.lineOf(components));
        whenUnset.ifPresent(
            loss -> gaps.add(new Gap(components, null, required, block), context.name()));
      } else {
        context
            .value(componentsAttribute.get().value())
            .filter(List.class::isInstance)
            .ifPresent(
                list -> {
                  List<String> missing =
                      required.stream()
                          .filter(component -> !((List<?>) list).contains(component))
                          .toList();
                  if (!missing.isEmpty()) {
                    gaps.add(
                        new Gap(
                            components,
                            list,
                            missing,
                            SourceLocation.of(context.origin(componentsAttribute.get().value()))),
                        context.name());
                  }
                });
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Outcomes.Outcome<Gap> outcome : gaps.all()) {
      Gap gap = outcome.value();
      String message;
      if (gap.value() == null) {
        message = " does not set " + gap.path() + outcome.where() + ", " + whenUnset.orElseThrow();
      } else if (gap.path().equals(service)) {
        message =
            " sets "
                + gap.path()
                + " = "
                + Literal.of(gap.value())
                + outcome.where()
                + ", so it sends nothing"
                + " to "
                + destination;
      } else {
        message =
            " sets "
                + gap.path()
                + " = "
                + Literal.of(gap.value())
                + outcome.where()
                + ", which leaves out "
                + String.join(", ", gap.missing());
      }
      findings.add(
          Finding.of(
              info,
              gap.location().file(),
              gap.location().line(),
              cluster.address(),
              cluster.address() + message));
    }
    return findings;
  }

  /**
   * A setting that loses telemetry: its value ({@code null} when unset), the components it leaves
   * out, and where it is written (or the block that should set it).
   */
  private record Gap(String path, Object value, List<String> missing, SourceLocation location) {}
}
