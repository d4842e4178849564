package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.platform.LoadedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route destinations of a VirtualService ({@code spec.http|tcp|tls[i].route[j].destination}).
 */
public final class Destinations {

  /**
   * One destination.
   *
   * @param path its field path ({@code spec.http[0].route[1].destination})
   * @param host the host, as written
   * @param port the port number, when written
   * @param subset the subset, when written
   */
  public record Destination(
      String path, String host, Optional<Integer> port, Optional<String> subset) {}

  private Destinations() {}

  public static List<Destination> of(LoadedObject virtualService) {
    List<Destination> found = new ArrayList<>();
    Map<?, ?> spec = Fields.spec(virtualService);
    for (String kind : List.of("http", "tcp", "tls")) {
      List<?> routes = Fields.list(spec.get(kind));
      for (int index = 0; index < routes.size(); index++) {
        List<?> targets = Fields.list(Fields.map(routes.get(index)).get("route"));
        for (int target = 0; target < targets.size(); target++) {
          Map<?, ?> destination = Fields.map(Fields.map(targets.get(target)).get("destination"));
          Optional<String> host = Fields.text(destination.get("host"));
          if (host.isPresent()) {
            Object number = Fields.map(destination.get("port")).get("number");
            found.add(
                new Destination(
                    "spec." + kind + "[" + index + "].route[" + target + "].destination",
                    host.get(),
                    number instanceof Integer port ? Optional.of(port) : Optional.empty(),
                    Fields.text(destination.get("subset"))));
          }
        }
      }
    }
    return found;
  }
}
