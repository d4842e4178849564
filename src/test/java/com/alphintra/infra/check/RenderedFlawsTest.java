package com.alphintra.infra.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import com.alphintra.infra.testing.TreeCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flaws that only rendering or evaluation reveals: each case of {@code rendering/<case>/} has a
 * {@code flawed/} tree whose findings are exactly those of {@code flawed/expected.txt} ({@code rule
 * path:line message}) and a {@code compliant/} twin with no finding of any rule that fires on the
 * flawed tree. A case's trees are laid over {@code rendering/_base/} (one compliant workload with a
 * dev and a prod overlay) unless the case has a {@code standalone} marker file. The overlays are
 * rendered by the real {@code kubectl kustomize}; the cases skip when kubectl is absent.
 */
class RenderedFlawsTest {

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> folders = Files.list(folder())) {
      return folders
          .map(path -> path.getFileName().toString())
          .filter(name -> !name.startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void flawedTreeHasExactlyTheExpectedFindingsAndItsTwinNone(String name) throws IOException {
    Path source = folder().resolve(name);
    boolean standalone = Files.exists(source.resolve("standalone"));
    assumeTrue(standalone || hasKubectl(), "kubectl is not on the PATH: cannot render overlays");
    List<String> expected =
        Files.readAllLines(source.resolve("flawed/expected.txt")).stream()
            .filter(line -> !line.isBlank())
            .toList();

    List<String> flawed = findings(tree(source, "flawed", standalone));
    Set<String> rules = new TreeSet<>();
    expected.forEach(line -> rules.add(line.substring(0, line.indexOf(' '))));
    List<String> twin =
        findings(tree(source, "compliant", standalone)).stream()
            .filter(line -> rules.contains(line.substring(0, line.indexOf(' '))))
            .toList();

    assertThat(flawed)
        .as("findings of the flawed tree of %s", name)
        .filteredOn(line -> rules.contains(line.substring(0, line.indexOf(' '))))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(twin).as("findings of the compliant twin of %s", name).isEmpty();
  }

  private Path tree(Path source, String variant, boolean standalone) throws IOException {
    Path tree = temp.resolve(variant);
    if (!standalone) {
      copy(folder().resolve("_base"), tree);
    }
    copy(source.resolve(variant), tree);
    return tree;
  }

  private static List<String> findings(Path tree) {
    Platform platform = new PlatformLoader(new SystemProcessRunner()).load(tree.resolve("infra"));
    assertThat(platform.loadErrors()).as("load errors of %s", tree).isEmpty();
    List<String> lines = new ArrayList<>();
    for (Finding finding :
        new CheckEngine(RuleRegistry.builtIn()).run(platform, CheckOptions.all()).findings()) {
      lines.add(finding.rule() + " " + finding.location() + " " + finding.message());
    }
    return lines;
  }

  private static void copy(Path from, Path to) throws IOException {
    TreeCopy.copy(from, to, path -> path.getFileName().toString().equals("expected.txt"));
  }

  private static Path folder() {
    try {
      return Path.of(RenderedFlawsTest.class.getResource("/rendering").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasKubectl() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
