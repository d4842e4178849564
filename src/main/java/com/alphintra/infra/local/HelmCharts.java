package com.alphintra.infra.local;

import com.alphintra.infra.workspace.ChartCache;
import com.alphintra.infra.workspace.ChartRelease;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Charts} through the Helm library embedded in helm-java, so no {@code helm} binary is
 * needed. Repositories go into our own repository file under .alphintra/, leaving the person's Helm
 * setup alone.
 */
public final class HelmCharts implements Charts {

  private final String kubeconfig;
  private final Path repositoryConfig;
  private final Set<String> addedRepositories = new HashSet<>();
  private final Path helmRepositoryCache;
  private final Path chartCache;

  /**
   * @param kubeconfig the kubeconfig text with the wanted context as its current context
   * @param repositoryConfig where Helm keeps the repository list for the tool
   */
  public HelmCharts(String kubeconfig, Path repositoryConfig) {
    this(kubeconfig, repositoryConfig, System.getenv());
  }

  /**
   * @param environment where Helm's download cache and the chart cache {@code check} reads are
   */
  public HelmCharts(String kubeconfig, Path repositoryConfig, Map<String, String> environment) {
    this.kubeconfig = kubeconfig;
    this.repositoryConfig = repositoryConfig;
    this.helmRepositoryCache =
        ChartCache.helmRepositoryCache(environment, System.getProperty("os.name", ""));
    this.chartCache = ChartCache.folder(environment);
  }

  @Override
  public void install(ChartRelease release, Duration timeout) {
    Path generated = null;
    try {
      addRepository(release);
      UpgradeCommand upgrade =
          Helm.upgrade(release.repositoryName() + "/" + release.chart())
              .install()
              .withName(release.name())
              .withNamespace(release.namespace())
              .createNamespace()
              .withVersion(release.version());
      // The mirror layer of a cloud overlay exists only as text until Helm reads it.
      generated = Files.createTempDirectory("alphintra-values-");
      for (Path values : release.valuesFilesIn(generated)) {
        upgrade = upgrade.withValuesFile(values);
      }
      upgrade
          .withRepositoryConfig(repositoryConfig)
          .withKubeConfigContents(kubeconfig)
          .waitReady()
          .withTimeout((int) Math.max(1, timeout.toSeconds()))
          .call();
      saveArchive(release);
    } catch (IOException e) {
      throw new StepFailedException(
          "cannot write the values of " + release.display() + " to a temporary file",
          e.getMessage(),
          e);
    } catch (IllegalStateException e) {
      throw new StepFailedException(
          "helm could not install "
              + release.display()
              + " as "
              + release.namespace()
              + "/"
              + release.name(),
          e.getMessage(),
          e);
    } finally {
      deleteQuietly(generated);
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      // a temporary values file left behind holds no secret (a registry path and image tags)
    }
  }

  /**
   * Keeps the archive Helm downloaded for the release in the chart cache, where {@code check}
   * renders the releases from. A cache that cannot be written costs only that check: not a failure.
   */
  private void saveArchive(ChartRelease release) {
    try {
      ChartCache.save(helmRepositoryCache, chartCache, release.chart(), release.version());
    } catch (java.io.IOException | RuntimeException e) {
      // the release is installed; check will say the archive is missing
    }
  }

  private void addRepository(ChartRelease release) {
    if (addedRepositories.add(release.repositoryName())) {
      OwnerOnlyFiles.createDirectory(repositoryConfig.getParent());
      Helm.repo()
          .add()
          .withRepositoryConfig(repositoryConfig)
          .withName(release.repositoryName())
          .withUrl(URI.create(release.repositoryUrl()))
          .call();
    }
  }

  @Override
  public Optional<InstalledRelease> status(String release, String namespace) {
    for (Release found :
        Helm.list().all().withNamespace(namespace).withKubeConfigContents(kubeconfig).call()) {
      if (found.getName().equals(release)) {
        String chart = found.getChart();
        String version = chart.substring(chart.lastIndexOf('-') + 1);
        return Optional.of(new InstalledRelease(release, namespace, version, found.getStatus()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void uninstall(String release, String namespace) {
    try {
      Helm.uninstall(release)
          .withNamespace(namespace)
          .ignoreNotFound()
          .withKubeConfigContents(kubeconfig)
          .call();
    } catch (IllegalStateException e) {
      throw new StepFailedException(
          "helm could not uninstall " + namespace + "/" + release, e.getMessage(), e);
    }
  }
}
