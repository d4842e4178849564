package com.alphintra.infra.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.platform.CrdSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD schemas {@code check} ships ({@link CrdSchemas#RESOURCE}) are those of the chart archives
 * in {@code ../shared/charts}; with {@code -Dalphintra.updateCrdSchemas=true} the test writes them
 * instead.
 */
class CrdSchemasSyncTest {

  static final String REGENERATE =
      "./mvnw -q test -Dtest=CrdSchemasSyncTest -Dalphintra.updateCrdSchemas=true";

  @Test
  void shippedSchemasAreThoseOfTheCharts(@TempDir Path charts) throws IOException {
    String generated = CrdSchemaGenerator.generate(ChartArchives.copiedTo(charts));
    Path resource = InfraTree.repositoryRoot().resolve("src/main/resources" + CrdSchemas.RESOURCE);
    if (Boolean.getBoolean("alphintra.updateCrdSchemas")) {
      Files.write(resource, CrdSchemaGenerator.gzip(generated));
    }
    String shipped;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(resource))) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(shipped.equals(generated))
        .as(
            "%s is not generated from the CRDs of the charts in ../shared/charts; regenerate it with:%n  %s",
            CrdSchemas.RESOURCE, REGENERATE)
        .isTrue();
    assertThat(CrdSchemaGenerator.kinds(generated))
        .contains(
            "networking.istio.io/v1/VirtualService",
            "security.istio.io/v1/AuthorizationPolicy",
            "monitoring.coreos.com/v1/PrometheusRule",
            "monitoring.coreos.com/v1/ServiceMonitor");
  }
}
