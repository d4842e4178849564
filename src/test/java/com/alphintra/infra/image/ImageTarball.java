package com.alphintra.infra.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an image tarball (OCI layout or docker-save format): its manifest, its config JSON and
 * layer files.
 */
record ImageTarball(JsonNode manifest, JsonNode config, List<List<String>> layerFiles) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ImageTarball read(Path file) throws IOException {
    Map<String, byte[]> entries = untar(Files.newInputStream(file), false);
    JsonNode manifest;
    if (entries.containsKey("index.json")) {
      JsonNode index = JSON.readTree(entries.get("index.json"));
      manifest = JSON.readTree(blob(entries, index.get("manifests").get(0).get("digest").asText()));
    } else {
      JsonNode dockerManifest = JSON.readTree(entries.get("manifest.json")).get(0);
      manifest = JSON.createObjectNode().set("layers", JSON.createArrayNode());
      JsonNode config = JSON.readTree(entries.get(dockerManifest.get("Config").asText()));
      List<List<String>> layers = new ArrayList<>();
      for (JsonNode layer : dockerManifest.get("Layers")) {
        layers.add(
            List.copyOf(
                untar(new java.io.ByteArrayInputStream(entries.get(layer.asText())), true)
                    .keySet()));
      }
      return new ImageTarball(manifest, config, layers);
    }
    JsonNode config = JSON.readTree(blob(entries, manifest.get("config").get("digest").asText()));
    List<List<String>> layers = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      byte[] bytes = blob(entries, layer.get("digest").asText());
      layers.add(List.copyOf(untar(new java.io.ByteArrayInputStream(bytes), true).keySet()));
    }
    return new ImageTarball(manifest, config, layers);
  }

  private static byte[] blob(Map<String, byte[]> entries, String digest) {
    byte[] bytes = entries.get("blobs/" + digest.replace(':', '/'));
    if (bytes == null) {
      throw new IllegalStateException("no blob " + digest + " in " + entries.keySet());
    }
    return bytes;
  }

  private static Map<String, byte[]> untar(InputStream raw, boolean gzipped) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.put(entry.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }
}
