package com.alphintra.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.hcl.HclParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever configuration it is given, evaluation returns a value (often unknown) and never throws.
 */
class EvaluatorProperties {

  private static final Path CORPUS = Path.of("src/test/resources/hcl/corpus");
  private static final String NOISE = "ab01_.,:?!=<>+-*/%()[]{}\"${}~ \n";

  @Property(tries = 300)
  void everyAttributeOfAMutatedModuleEvaluatesWithoutThrowing(
      @ForAll("corpusFiles") String original,
      @ForAll @IntRange(min = 0, max = 6) int mutations,
      @ForAll long seed) {
    String source = mutate(original, mutations, new Random(seed));
    HclFile file;
    try {
      file = HclParser.parse(source, CORPUS.resolve("mutated.tf"));
    } catch (HclParseException rejected) {
      return;
    }
    TerraformModule module = TerraformModule.of(CORPUS, List.of(file), List.of(file));
    TerraformProject project = TerraformProject.of(CORPUS, List.of(module));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (ModuleInstance instance : project.instancesOf(CORPUS)) {
            evaluateAll(instance, file.body());
            module.variables().forEach(v -> instance.variable(v.name()));
            module.locals().forEach(l -> instance.local(l.name()));
            module.outputs().forEach(o -> instance.output(o.name()));
          }
        });
  }

  private static void evaluateAll(ModuleInstance instance, Body body) {
    for (Attribute attribute : body.attributes()) {
      instance.evaluate(attribute.value());
    }
    for (Block block : body.blocks()) {
      evaluateAll(instance, block.body());
    }
  }

  @Provide
  Arbitrary<String> corpusFiles() {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return Arbitraries.of(
          files
              .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars"))
              .sorted()
              .map(EvaluatorProperties::read)
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mutate(String text, int mutations, Random random) {
    StringBuilder out = new StringBuilder(text);
    for (int i = 0; i < mutations && out.length() > 1; i++) {
      int at = random.nextInt(out.length());
      if (random.nextBoolean()) {
        out.deleteCharAt(at);
      } else {
        out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
      }
    }
    return out.toString();
  }
}
