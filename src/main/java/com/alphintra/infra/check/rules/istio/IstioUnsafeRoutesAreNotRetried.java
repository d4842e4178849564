package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A VirtualService route that may carry a request which changes state is never retried by the mesh:
 * it sets {@code retries.attempts: 0}. Such a route is one that matches POST, PUT, PATCH or DELETE,
 * one that does not restrict the method at all (a catch-all carries POSTs too), and one named in
 * the VirtualService's {@code alphintra.io/no-retry-routes} annotation (comma-separated route
 * names), which must name routes that exist.
 */
public final class IstioUnsafeRoutesAreNotRetried implements Rule {

  static final String NO_RETRY_ANNOTATION = "alphintra.io/no-retry-routes";
  private static final List<String> UNSAFE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

  static final RuleInfo INFO =
      new RuleInfo(
          "istio-vs-no-unsafe-retries",
          "Routes that change state are not retried by the mesh",
          Severity.HIGH,
          Target.ISTIO,
          "Istio retries every HTTP route twice by default, also after a 503 or a reset that arrives once the backend"
              + " has already acted: a retried POST /orders places the order again. Routes matching POST, PUT, PATCH or"
              + " DELETE, catch-all routes (which carry those methods too) and routes listed in the"
              + " alphintra.io/no-retry-routes annotation must not be retried; the client decides, with an idempotency"
              + " key.",
          "Set retries.attempts: 0 on the route and list its name in the alphintra.io/no-retry-routes annotation;"
              + " retry only routes restricted to GET, HEAD or OPTIONS.",
          List.of(
              "https://istio.io/latest/docs/concepts/traffic-management/#retries",
              "https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry",
              "RFC 9110 section 9.2.2 (idempotent methods)"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (LoadedObject service : platform.deployed().ofKind("VirtualService")) {
      Set<String> listed = listedRoutes(service);
      Set<String> seen = new LinkedHashSet<>();
      for (HttpRoute route : HttpRoute.of(service)) {
        route.name().ifPresent(seen::add);
        Optional<String> reason =
            route
                .name()
                .filter(listed::contains)
                .map(name -> "is listed in " + NO_RETRY_ANNOTATION)
                .or(() -> unsafeMethods(route));
        if (reason.isEmpty()) {
          continue;
        }
        Object retries = route.fields().get("retries");
        if (!(retries instanceof Map<?, ?> settings)) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  (route.path("")),
                  service.describe(),
                  route.describe()
                      + " "
                      + reason.get()
                      + " but sets no retries, so Istio retries it twice"));
        } else if (!(settings.get("attempts") instanceof Number attempts)
            || attempts.longValue() != 0) {
          Object attempts = settings.get("attempts");
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  (route.path("retries.attempts")),
                  service.describe(),
                  route.describe()
                      + " "
                      + reason.get()
                      + " but is retried (attempts: "
                      + (attempts == null ? "default 2" : attempts)
                      + ")"));
        }
      }
      for (String name : listed) {
        if (!seen.contains(name)) {
          findings.add(
              Finding.about(
                  INFO,
                  platform,
                  service,
                  ("metadata.annotations[\"" + NO_RETRY_ANNOTATION + "\"]"),
                  service.describe(),
                  service.describe()
                      + " lists route \""
                      + name
                      + "\" in "
                      + NO_RETRY_ANNOTATION
                      + ", but has no HTTP route of that name"));
        }
      }
    }
    return findings;
  }

  private static Set<String> listedRoutes(LoadedObject service) {
    String value = service.object().annotations().getOrDefault(NO_RETRY_ANNOTATION, "");
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .forEach(names::add);
    return names;
  }

  /** Why the route may carry a state-changing request, when it may: the methods it matches. */
  private static Optional<String> unsafeMethods(HttpRoute route) {
    List<?> matches = Raw.list(route.fields(), "match");
    if (matches.isEmpty()) {
      return Optional.of("matches every method");
    }
    Set<String> methods = new LinkedHashSet<>();
    for (Object match : matches) {
      Map<?, ?> method = Raw.map(match, "method");
      if (method.isEmpty()) {
        return Optional.of("does not restrict the method (so it carries POST)");
      }
      for (String candidate : UNSAFE_METHODS) {
        if (matches(method, candidate)) {
          methods.add(candidate);
        }
      }
    }
    return methods.isEmpty()
        ? Optional.empty()
        : Optional.of("matches " + String.join(", ", methods));
  }

  private static boolean matches(Map<?, ?> stringMatch, String method) {
    if (stringMatch.get("exact") instanceof String exact) {
      return exact.equals(method);
    }
    if (stringMatch.get("prefix") instanceof String prefix) {
      return method.startsWith(prefix);
    }
    if (stringMatch.get("regex") instanceof String regex) {
      try {
        return Pattern.compile(regex).matcher(method).matches();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
    return false;
  }
}
