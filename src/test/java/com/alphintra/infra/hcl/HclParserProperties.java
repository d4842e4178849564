package com.alphintra.infra.hcl;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the input, the parser returns a tree or throws {@link HclParseException}: no other
 * exception, no stack overflow, no endless loop (each try has a time bound).
 */
class HclParserProperties {

  private static final Path FILE = Path.of("fuzz.hcl");
  private static final Duration PER_TRY = Duration.ofSeconds(2);
  private static final String HCL_ALPHABET = "abcx_-019 \n\t\"'{}[]()$%~<>=!&|+*/.,:?#\\\u00e9";

  @Property(tries = 1000)
  void randomBytesParseOrFailCleanly(@ForAll byte[] bytes) {
    String source = new String(bytes, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(PER_TRY, () -> parseEveryWay(source));
  }

  @Property(tries = 1500)
  void hclLikeNoiseParsesOrFailsCleanly(@ForAll("hclNoise") String source) {
    assertTimeoutPreemptively(PER_TRY, () -> parseEveryWay(source));
  }

  @Property(tries = 1000)
  void mutatedCorpusFilesParseOrFailCleanly(
      @ForAll("corpusFiles") String original,
      @ForAll @IntRange(min = 1, max = 12) int mutations,
      @ForAll long seed) {
    String source = mutate(original, mutations, new Random(seed));
    assertTimeoutPreemptively(PER_TRY, () -> parseEveryWay(source));
  }

  @Provide
  Arbitrary<String> hclNoise() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "resource \"a\" \"b\" {\n",
            "}\n",
            "x = ",
            "${",
            "%{ if x }",
            "%{ endif }",
            "%{ for a in b }",
            "%{ endfor }",
            "<<EOT\n",
            "<<-EOT\n",
            "\nEOT\n",
            "[for s in l : s]",
            "{for k, v in m : k => v...}",
            "a.b[0].*.c",
            "f(x...)",
            "/*",
            "*/",
            "//",
            "\"",
            "~}",
            "...");
    Arbitrary<String> characters = Arbitraries.strings().withChars(HCL_ALPHABET).ofMaxLength(6);
    return Arbitraries.oneOf(fragments, characters)
        .list()
        .ofMaxSize(40)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> corpusFiles() {
    try {
      List<String> texts =
          CorpusTest.configurationFiles().stream().map(HclParserProperties::read).toList();
      return Arbitraries.of(texts);
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

  /** Deletes, inserts, duplicates or swaps characters at random places. */
  private static String mutate(String text, int mutations, Random random) {
    StringBuilder out = new StringBuilder(text);
    for (int i = 0; i < mutations && out.length() > 1; i++) {
      int at = random.nextInt(out.length());
      int length = Math.min(out.length() - at, 1 + random.nextInt(8));
      switch (random.nextInt(4)) {
        case 0 -> out.delete(at, at + length);
        case 1 -> out.insert(at, HCL_ALPHABET.charAt(random.nextInt(HCL_ALPHABET.length())));
        case 2 -> out.insert(at, out.substring(at, at + length));
        default -> {
          int other = random.nextInt(out.length());
          char c = out.charAt(at);
          out.setCharAt(at, out.charAt(other));
          out.setCharAt(other, c);
        }
      }
    }
    return out.toString();
  }

  private static void parseEveryWay(String source) {
    try {
      HclParser.parse(source, FILE);
    } catch (HclParseException expected) {
      // A clean rejection is one of the two allowed outcomes.
    }
    try {
      HclParser.parseExpression(source, FILE);
    } catch (HclParseException expected) {
      // as above
    }
    try {
      HclParser.parseTemplate(source, FILE);
    } catch (HclParseException expected) {
      // as above
    }
  }
}
