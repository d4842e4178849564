package com.alphintra.infra.check;

import com.alphintra.infra.exec.FakeProcessRunner;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the rule fixtures are, and how a fixture tree is loaded and checked. */
final class Fixtures {

  private Fixtures() {}

  /** {@code src/test/resources/rules}, as the test classpath has it. */
  static Path rulesFolder() {
    URL url = Fixtures.class.getResource("/rules");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Loads a fixture tree (a folder holding {@code infra/}); no kubectl, so overlays are not
   * rendered. A {@code provider-schema.json} beside {@code infra/} is passed as {@code
   * --provider-schema}.
   */
  static Platform load(Path tree) {
    Path schema = tree.resolve("provider-schema.json");
    return new PlatformLoader(new FakeProcessRunner())
        .load(
            tree.resolve("infra"),
            Files.isRegularFile(schema) ? Optional.of(schema) : Optional.empty());
  }

  /**
   * The findings of {@code ruleId} when every rule runs on the tree, as {@code path:line message}.
   */
  static List<String> findings(Path tree, String ruleId) {
    CheckReport report =
        new CheckEngine(RuleRegistry.builtIn()).run(load(tree), CheckOptions.all());
    return report.findings().stream()
        .filter(finding -> finding.rule().equals(ruleId))
        .map(finding -> finding.location() + " " + finding.message())
        .toList();
  }
}
