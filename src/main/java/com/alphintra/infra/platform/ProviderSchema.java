package com.alphintra.infra.platform;

import com.alphintra.infra.error.InputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource and data source schemas of the providers a configuration uses, as {@code terraform
 * providers schema -json} prints them: what each block may, must and must not set.
 *
 * @param resources the schema of each managed resource type ({@code google_container_cluster})
 * @param dataSources the schema of each data source type
 * @param providers the local names of the providers described ({@code google}, {@code random}); a
 *     resource type starting with one of them and missing from the schema does not exist
 */
public record ProviderSchema(
    Map<String, SchemaBlock> resources,
    Map<String, SchemaBlock> dataSources,
    Set<String> providers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ProviderSchema {
    resources = Map.copyOf(resources);
    dataSources = Map.copyOf(dataSources);
    providers = Set.copyOf(providers);
  }

  /**
   * Reads the output of {@code terraform providers schema -json}.
   *
   * @param source where the text came from, for the error message
   * @throws InputException when the text is not such a document
   */
  public static ProviderSchema parse(String json, Path source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputException(
          "not a provider schema: malformed JSON at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          source,
          "pass the output of 'terraform providers schema -json'");
    }
    JsonNode schemas = root == null ? null : root.get("provider_schemas");
    if (schemas == null || !schemas.isObject()) {
      throw new InputException(
          "not a provider schema: no \"provider_schemas\" object",
          source,
          "pass the output of 'terraform providers schema -json'");
    }
    Map<String, SchemaBlock> resources = new HashMap<>();
    Map<String, SchemaBlock> dataSources = new HashMap<>();
    Set<String> providers = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> provider = it.next();
      String address = provider.getKey();
      providers.add(address.substring(address.lastIndexOf('/') + 1));
      readTypes(provider.getValue().get("resource_schemas"), resources);
      readTypes(provider.getValue().get("data_source_schemas"), dataSources);
    }
    return new ProviderSchema(resources, dataSources, providers);
  }

  /** Both schemas' types; where a type is in both, {@code other}'s wins. */
  public ProviderSchema merge(ProviderSchema other) {
    Map<String, SchemaBlock> mergedResources = new HashMap<>(resources);
    mergedResources.putAll(other.resources);
    Map<String, SchemaBlock> mergedData = new HashMap<>(dataSources);
    mergedData.putAll(other.dataSources);
    Set<String> mergedProviders = new HashSet<>(providers);
    mergedProviders.addAll(other.providers);
    return new ProviderSchema(mergedResources, mergedData, mergedProviders);
  }

  public Optional<SchemaBlock> resource(String type) {
    return Optional.ofNullable(resources.get(type));
  }

  public Optional<SchemaBlock> dataSource(String type) {
    return Optional.ofNullable(dataSources.get(type));
  }

  /**
   * Whether the schema describes the provider a type belongs to (by its prefix, {@code
   * google_...}).
   */
  public boolean describesProviderOf(String type) {
    int underscore = type.indexOf('_');
    return providers.contains(underscore < 0 ? type : type.substring(0, underscore));
  }

  private static void readTypes(JsonNode types, Map<String, SchemaBlock> into) {
    if (types == null || !types.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> type = it.next();
      into.put(type.getKey(), block(type.getValue().get("block")));
    }
  }

  private static SchemaBlock block(JsonNode block) {
    Map<String, SchemaAttribute> attributes = new HashMap<>();
    Map<String, SchemaBlockType> blockTypes = new HashMap<>();
    if (block == null) {
      return new SchemaBlock(attributes, blockTypes, false);
    }
    JsonNode attributeNodes = block.path("attributes");
    for (Iterator<Map.Entry<String, JsonNode>> it = attributeNodes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      JsonNode node = attribute.getValue();
      attributes.put(
          attribute.getKey(),
          new SchemaAttribute(
              node.path("required").asBoolean(),
              node.path("optional").asBoolean(),
              node.path("computed").asBoolean(),
              node.path("deprecated").asBoolean()));
    }
    JsonNode blockNodes = block.path("block_types");
    for (Iterator<Map.Entry<String, JsonNode>> it = blockNodes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> nested = it.next();
      JsonNode node = nested.getValue();
      blockTypes.put(
          nested.getKey(),
          new SchemaBlockType(
              node.path("nesting_mode").asText("list"),
              node.path("min_items").asInt(0),
              node.path("max_items").asInt(0),
              block(node.get("block"))));
    }
    return new SchemaBlock(attributes, blockTypes, block.path("deprecated").asBoolean());
  }
}
