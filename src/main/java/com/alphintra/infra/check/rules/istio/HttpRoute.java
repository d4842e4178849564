package com.alphintra.infra.check.rules.istio;

import com.alphintra.infra.platform.LoadedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP route of a VirtualService that forwards to a destination (not a redirect, a direct
 * response or a delegation, which carry no timeout or retries of their own).
 *
 * @param service the VirtualService
 * @param index the route's position in {@code spec.http}
 * @param fields the route's fields
 */
record HttpRoute(LoadedObject service, int index, Map<?, ?> fields) {

  /** The forwarding HTTP routes of a VirtualService, in order. */
  static List<HttpRoute> of(LoadedObject service) {
    List<HttpRoute> routes = new ArrayList<>();
    List<?> http = Raw.list(Raw.spec(service), "http");
    for (int index = 0; index < http.size(); index++) {
      if (http.get(index) instanceof Map<?, ?> route
          && !Raw.list(route, "route").isEmpty()
          && !Raw.has(route, "redirect")
          && !Raw.has(route, "directResponse")
          && !Raw.has(route, "delegate")) {
        routes.add(new HttpRoute(service, index, route));
      }
    }
    return routes;
  }

  Optional<String> name() {
    return Raw.text(fields, "name");
  }

  /**
   * The path of a field of the route ({@code retries.attempts}), or of the route itself for {@code
   * ""}.
   */
  String path(String field) {
    return "spec.http[" + index + "]" + (field.isEmpty() ? "" : "." + field);
  }

  /**
   * {@code VirtualService alphintra/trading-engine route "place-order"} (or {@code route 2} when
   * unnamed).
   */
  String describe() {
    return service.describe()
        + " route "
        + name().map(name -> "\"" + name + "\"").orElse(String.valueOf(index + 1));
  }
}
