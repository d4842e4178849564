package com.alphintra.infra.check;

import com.alphintra.infra.error.InputException;
import com.alphintra.infra.platform.LoadError;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.PlatformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code check} workflow: load the platform, read the baseline, run the engine, write a new
 * baseline when asked. A broken baseline is reported like a malformed file: the platform is still
 * checked.
 */
public final class Checker {

  private final PlatformLoader loader;
  private final CheckEngine engine;

  public Checker(PlatformLoader loader, CheckEngine engine) {
    this.loader = loader;
    this.engine = engine;
  }

  public RuleRegistry registry() {
    return engine.registry();
  }

  public CheckReport check(CheckRequest request) {
    engine.registry().select(request.options().rules(), request.options().skippedRules());
    Platform platform = loader.load(request.target(), request.providerSchema(), request.charts());
    CheckOptions options = request.options();
    if (request.baseline().isPresent()) {
      Path file = request.baseline().get();
      try {
        options = options.withBaseline(Baseline.parse(Files.readString(file), file));
      } catch (IOException e) {
        platform =
            platform.withLoadError(
                new LoadError(file, 0, 0, "cannot read the baseline: " + e.getMessage()));
      } catch (InputException e) {
        platform = platform.withLoadError(baselineError(file, e));
      }
    }
    CheckReport report = engine.run(platform, options);
    if (request.writeBaseline().isPresent()) {
      Path file = request.writeBaseline().get();
      Baseline baseline = Baseline.of(report.unsuppressed());
      try {
        Files.writeString(file, baseline.toJson());
      } catch (IOException e) {
        throw new InputException(
            "cannot write the baseline: " + e.getMessage(),
            file,
            "choose a writable path for --write-baseline");
      }
      report = engine.run(platform, options.withBaseline(baseline)).withBaselineWritten(file);
    }
    return report;
  }

  /** The environment table of {@code alphintra check --env-diff} for the folder {@code target}. */
  public EnvironmentDiff environmentDiff(Path target, java.util.Optional<Path> providerSchema) {
    return EnvironmentDiff.of(loader.load(target, providerSchema));
  }

  private static LoadError baselineError(Path file, InputException e) {
    String hint = e.hint().isBlank() ? "" : " (" + e.hint() + ")";
    return new LoadError(file, e.line(), e.column(), e.getMessage() + hint);
  }
}
