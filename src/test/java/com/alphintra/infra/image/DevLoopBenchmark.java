package com.alphintra.infra.image;

import com.alphintra.infra.exec.SystemProcessRunner;
import com.alphintra.infra.workspace.Workspace;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the sample service's inner loop on this machine without a cluster: change one source
 * file, compile (the Maven Wrapper, through exec, as {@code alphintra dev deploy} does), build the
 * image with Jib and push it to a real registry (Debian's docker-registry on a loopback port). Not
 * a test: it prints each phase and the total for a first run and a few edits. Run with {@code
 * ./mvnw -Pbench -DskipTests verify}, or directly: {@code java -cp <test classpath>
 * com.alphintra.infra.image.DevLoopBenchmark [checkout] [edits]}.
 *
 * <p>The pinned eclipse-temurin base cannot be pulled here, so the base is a JRE-sized stand-in
 * built once from this machine's JDK (its bin, conf, lib and release), so the first push carries a
 * realistic base layer.
 */
public final class DevLoopBenchmark {

  private static final List<String> JRE_PARTS = List.of("bin", "conf", "lib", "release");

  private DevLoopBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path checkout = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (LocalRegistry.unavailableReason().isPresent()) {
      System.out.println("benchmark skipped: " + LocalRegistry.unavailableReason().get());
      return;
    }
    Path temp = Files.createTempDirectory("alphintra-bench");
    try {
      run(checkout, temp, edits);
    } finally {
      deleteTree(temp);
    }
  }

  private static void run(Path checkout, Path temp, int edits) throws Exception {
    Workspace workspace = copyCheckout(checkout, temp.resolve("checkout"));
    long started = System.nanoTime();
    Path base = jreBase(temp.resolve("jre-base.tar"), temp.resolve("base-cache"));
    System.out.printf(
        Locale.ROOT,
        "base: JRE stand-in from %s, %d MB tarball, built in %.1fs (once, not counted)%n",
        System.getProperty("java.home"),
        Files.size(base) >> 20,
        seconds(System.nanoTime() - started));

    try (LocalRegistry registry = LocalRegistry.start(temp.resolve("registry"))) {
      ImageBuilder builder = new ImageBuilder(temp.resolve("jib-cache"));
      SampleServiceBuild build =
          new SampleServiceBuild(
              workspace,
              new SystemProcessRunner(),
              (request, reference) ->
                  builder.build(
                      request.withBase(new BaseImage.Tarball(base)),
                      new ImageDestination.Registry(reference)));
      Path source =
          workspace
              .root()
              .resolve(
                  "services/sample-service/src/main/java/com/alphintra/sample/SampleServer.java");
      System.out.printf(
          "registry: docker-registry on %s; image %s%n%n",
          registry.host(), build.image().pushReference(registry.host()));
      System.out.printf(
          "%-12s %9s %16s %9s  %s%n", "pass", "compile", "build and push", "total", "digest");
      List<double[]> after = new ArrayList<>();
      for (int pass = 0; pass <= edits; pass++) {
        long passStarted = System.nanoTime();
        if (pass > 0) {
          edit(source, pass);
        }
        long compileStarted = System.nanoTime();
        build.compile();
        long compiled = System.nanoTime();
        BuiltImage image = build.publish(registry.host());
        long pushed = System.nanoTime();
        double[] figures = {
          seconds(compiled - compileStarted),
          seconds(pushed - compiled),
          seconds(pushed - passStarted)
        };
        System.out.printf(
            Locale.ROOT,
            "%-12s %8.1fs %15.1fs %8.1fs  %s%n",
            pass == 0 ? "first run" : "edit " + pass,
            figures[0],
            figures[1],
            figures[2],
            image.digest().substring(0, 19));
        if (pass > 0) {
          after.add(figures);
        }
      }
      if (!after.isEmpty()) {
        double[] worst = new double[3];
        for (double[] figures : after) {
          for (int i = 0; i < 3; i++) {
            worst[i] = Math.max(worst[i], figures[i]);
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%nafter the first run, worst of %d edits: compile %.1fs, build and push %.1fs "
                + "(target < 10s), total %.1fs (target < 30s)%n",
            after.size(),
            worst[0],
            worst[1],
            worst[2]);
      }
    }
  }

  /**
   * Changes a string the service answers with, so the class bytes, the layer and the digest all
   * change.
   */
  private static void edit(Path source, int pass) throws IOException {
    String text = Files.readString(source);
    String edited =
        text.replaceFirst(
            "Response\\.text\\(200, \"ok[^\"]*\"\\)", "Response.text(200, \"ok " + pass + "\")");
    if (edited.equals(text)) {
      throw new IllegalStateException("the benchmark's edit no longer matches " + source);
    }
    Files.writeString(source, edited);
  }

  /**
   * A base image holding this machine's Java runtime under /opt/java/openjdk, as the Temurin images
   * do.
   */
  private static Path jreBase(Path tar, Path cache) throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home"));
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("jre");
    for (String part : JRE_PARTS) {
      Path path = javaHome.resolve(part);
      if (!Files.exists(path)) {
        continue;
      }
      // Regular files only: distribution JDKs hold links to optional parts (src.zip) that may be
      // absent.
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          layer.addEntry(
              file, AbsoluteUnixPath.get("/opt/java/openjdk/" + javaHome.relativize(file)));
        }
      }
    }
    Jib.fromScratch()
        .setFormat(ImageFormat.Docker)
        .addFileEntriesLayer(layer.build())
        .addEnvironmentVariable("PATH", "/opt/java/openjdk/bin:/usr/bin:/bin")
        .containerize(
            Containerizer.to(TarImage.at(tar).named("jre-base:bench"))
                .setBaseImageLayersCache(cache)
                .setApplicationLayersCache(cache));
    return tar;
  }

  private static Workspace copyCheckout(Path checkout, Path root) throws IOException {
    for (String part :
        List.of(
            "mvnw",
            ".mvn",
            "infra/versions.yaml",
            "services/sample-service/pom.xml",
            "services/sample-service/src/main")) {
      Path from = checkout.resolve(part);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : files.toList()) {
          Path to = root.resolve(checkout.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else {
            Files.createDirectories(to.getParent());
            Files.copy(file, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    return new Workspace(root);
  }

  private static double seconds(long nanos) {
    return Duration.ofNanos(nanos).toMillis() / 1000.0;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
