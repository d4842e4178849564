package com.alphintra.infra.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text, however broken, gives objects and problems or one ManifestParseException, never
 * anything else.
 */
class YamlReaderProperties {

  private static final ManifestLoader LOADER = new ManifestLoader();

  private static final String SEED =
      """
            # a service
            apiVersion: v1
            kind: Service
            metadata:
              name: "api"
              labels: {app: api, tier: 'web'}
            spec:
              ports:
                - name: http
                  port: 80
                  targetPort: &port 8080
              selector:
                app: api
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: api}
            spec:
              hosts: [api]
              http:
                - route:
                    - destination: {host: api, port: {number: *port}}
                  timeout: |
                    5s
            """;

  @Property(tries = 400)
  void mutatedManifestsGiveObjectsOrAParseException(@ForAll("mutatedManifests") String yaml) {
    assertReadsOrFailsCleanly(yaml);
  }

  @Property(tries = 400)
  void randomTextGivesObjectsOrAParseException(@ForAll("yamlishText") String yaml) {
    assertReadsOrFailsCleanly(yaml);
  }

  private static void assertReadsOrFailsCleanly(String yaml) {
    long started = System.nanoTime();
    try {
      ManifestFile file = LOADER.fromText(yaml, Origin.rendered("fuzz"));
      for (KubeObject object : file.objects()) {
        assertThat(object.start().line()).isPositive();
      }
      for (ManifestProblem problem : file.problems()) {
        assertThat(problem.position().line()).isPositive();
      }
    } catch (ManifestParseException e) {
      assertThat(e.getMessage()).startsWith("fuzz:");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Provide
  Arbitrary<String> mutatedManifests() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, SEED.length());
    Arbitrary<String> insert =
        Arbitraries.of(
            ":", "-", " ", "\n", "\t", "[", "]", "{", "}", "&a", "*a", "*port", "\"", "'", "#", "|",
            ">", "?", "!!int", "!", "%", "---", "...", "\\", "\u0000", "\uFEFF", "ä", ",");
    Arbitrary<Mutation> mutation =
        Combinators.combine(position, Arbitraries.integers().between(0, 3), insert)
            .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(6).map(YamlReaderProperties::apply);
  }

  @Provide
  Arbitrary<String> yamlishText() {
    return Arbitraries.strings().withChars(":- \n\t[]{}&*\"'#|>?!%,.abc01").ofMaxLength(120);
  }

  private static String apply(List<Mutation> mutations) {
    StringBuilder text = new StringBuilder(SEED);
    for (Mutation mutation : mutations) {
      int at = Math.min(mutation.position(), text.length());
      int end = Math.min(at + mutation.deleted(), text.length());
      text.replace(at, end, mutation.inserted());
    }
    return text.toString();
  }

  private record Mutation(int position, int deleted, String inserted) {}
}
