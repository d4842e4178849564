package com.alphintra.infra.repository;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphintra.infra.workspace.ChartRelease;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real upstream chart archives of {@code ../shared/charts} (beside the checkout), copied to a
 * folder of the test's own, since the originals are read-only. Each release renders as {@code up}
 * installs it: same release name, namespace and values files, the chart version found here (which
 * may differ from the pin: {@link #versionOf} says which one was rendered).
 */
final class ChartArchives {

  /**
   * The Kubernetes version of the k3s pin: Helm's default (v1.20) fails the charts' kubeVersion.
   */
  static final String KUBE_VERSION = "v1.35.6";

  /**
   * The same version as a GKE API server reports it: the CNI chart picks GKE's CNI binary folder
   * from the {@code -gke} in the server's version.
   */
  static final String GKE_KUBE_VERSION = KUBE_VERSION + "-gke.1";

  private final Path folder;

  private ChartArchives(Path folder) {
    this.folder = folder;
  }

  /** The shared charts folder, or a skip with the reason when it is absent. */
  static Path sharedCharts() {
    Path charts = InfraTree.repositoryRoot().resolveSibling("shared").resolve("charts");
    Optional<String> override = Optional.ofNullable(System.getenv("ALPHINTRA_TEST_CHARTS"));
    if (override.isPresent()) {
      charts = Path.of(override.get());
    }
    assumeTrue(
        Files.isDirectory(charts),
        "no chart archives at "
            + charts
            + " (../shared/charts beside the checkout, or ALPHINTRA_TEST_CHARTS): the Helm"
            + " values are not rendered");
    return charts;
  }

  /** Copies the shared archives into {@code target} (a JUnit temporary folder). */
  static ChartArchives copiedTo(Path target) throws IOException {
    Path source = sharedCharts();
    try (Stream<Path> files = Files.list(source)) {
      for (Path archive : files.filter(f -> f.toString().endsWith(".tgz")).toList()) {
        Files.copy(archive, target.resolve(archive.getFileName()));
      }
    }
    return new ChartArchives(target);
  }

  /** Whether the folder holds an archive of {@code chart}. */
  boolean has(String chart) {
    try {
      archiveOf(chart);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** The archive of {@code chart}, whatever its version. */
  Path archiveOf(String chart) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(
              file -> {
                String name = file.getFileName().toString();
                // a version, such as 1.30.3 or cert-manager's v1.18.2
                return name.startsWith(chart + "-")
                    && name.endsWith(".tgz")
                    && name.substring(chart.length() + 1).matches("v?\\d.*");
              })
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no archive for chart " + chart));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The chart version of the archive that renders {@code chart}. */
  String versionOf(String chart) {
    String name = archiveOf(chart).getFileName().toString();
    return name.substring(chart.length() + 1, name.length() - ".tgz".length());
  }

  /**
   * {@code helm template} of the release with its values files, as {@code up} installs it.
   *
   * @throws IllegalStateException with Helm's message when the chart does not render
   */
  String render(ChartRelease release, String kubeVersion) {
    TemplateCommand template =
        new Helm(archiveOf(release.chart()))
            .template()
            .withName(release.name())
            .withNamespace(release.namespace())
            .withKubeVersion(kubeVersion);
    try {
      Path generated = Files.createTempDirectory(folder, "values-" + release.name() + "-");
      for (Path values : release.valuesFilesIn(generated)) {
        template = template.withValuesFile(values);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return template.call();
  }

  /**
   * {@code helm template} of the release as {@link #render} does, but with the objects Helm
   * installs as hooks of install and upgrade rendered too: helm-java's template leaves hooks out,
   * yet the cluster runs them (kube-prometheus-stack's admission webhook Jobs, for one). The chart
   * is unpacked into {@code into} with those hook annotations removed; test hooks, which only
   * {@code helm test} runs, stay hooks and stay out.
   */
  String renderWithInstallHooks(ChartRelease release, String kubeVersion, Path into) {
    Path chart = into.resolve(release.chart());
    try {
      for (Map.Entry<String, String> file : files(release.chart()).entrySet()) {
        Path target = chart.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        String text = file.getValue();
        // in templates, and in values where a chart takes its hook annotations from them
        // (cert-manager's startupapicheck.jobAnnotations)
        if (file.getKey().contains("templates/") || file.getKey().endsWith("values.yaml")) {
          text = INSTALL_HOOK.matcher(text).replaceAll("");
        }
        Files.writeString(target, text);
      }
      TemplateCommand template =
          new Helm(chart)
              .template()
              .withName(release.name())
              .withNamespace(release.namespace())
              .withKubeVersion(kubeVersion);
      Path generated = Files.createTempDirectory(into, "values-" + release.name() + "-");
      for (Path values : release.valuesFilesIn(generated)) {
        template = template.withValuesFile(values);
      }
      return template.call();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A hook annotation line whose hooks are not {@code helm test}'s. */
  private static final java.util.regex.Pattern INSTALL_HOOK =
      java.util.regex.Pattern.compile("(?m)^[ \\t]*\"?helm\\.sh/hook\"?:(?![^\\n]*test)[^\\n]*\\n");

  /**
   * Every file of the archive under {@code <chart>/}, by its path inside the chart (such as {@code
   * values.yaml}, {@code templates/deployment.yaml}, {@code charts/grafana/values.yaml}).
   */
  Map<String, String> files(String chart) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archiveOf(chart)))) {
      return Tar.read(in, chart + "/");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the archive of " + chart, e);
    }
  }

  /** A reader of ustar archives with GNU long names and PAX paths, enough for chart archives. */
  private static final class Tar {

    static Map<String, String> read(InputStream in, String prefix) throws IOException {
      Map<String, String> files = new LinkedHashMap<>();
      byte[] header = new byte[512];
      String longName = null;
      while (in.readNBytes(header, 0, 512) == 512) {
        if (isZero(header)) {
          break;
        }
        String name = text(header, 0, 100);
        String ustarPrefix = text(header, 345, 155);
        if (!ustarPrefix.isEmpty() && text(header, 257, 6).startsWith("ustar")) {
          name = ustarPrefix + "/" + name;
        }
        long size =
            Long.parseLong(
                text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        byte[] body = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (type == 'L') {
          longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
          continue;
        }
        if (type == 'x') {
          for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.substring(space + 1).startsWith("path=")) {
              longName = record.substring(space + 1 + "path=".length());
            }
          }
          continue;
        }
        if (longName != null) {
          name = longName;
          longName = null;
        }
        if ((type == '0' || type == 0) && name.startsWith(prefix)) {
          files.put(name.substring(prefix.length()), new String(body, StandardCharsets.UTF_8));
        }
      }
      return files;
    }

    private static boolean isZero(byte[] block) {
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    private static String text(byte[] block, int offset, int length) {
      int end = offset;
      while (end < offset + length && block[end] != 0) {
        end++;
      }
      return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }
  }
}
