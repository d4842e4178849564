package com.alphintra.infra.cloud;

import com.alphintra.infra.error.InputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What a saved plan will do, read from {@code terraform show -json PLANFILE}. It keeps addresses
 * and actions only, never attribute values: a plan holds secrets in clear, and a summary must not
 * repeat them.
 */
public record PlanSummary(List<ResourceChange> changes) {

  /** The resource type whose {@code locked = true} makes deletion impossible. */
  static final String LOCKED_LOG_BUCKET = "google_logging_project_bucket_config";

  public PlanSummary {
    changes = List.copyOf(changes);
  }

  public static PlanSummary parse(String showJson) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(showJson);
    } catch (JsonProcessingException e) {
      throw new InputException(
          "terraform show -json printed something that is not JSON: " + e.getOriginalMessage(),
          "run 'terraform show -json' on the plan by hand to see what it prints");
    }
    if (root == null || !root.isObject() || !root.has("format_version")) {
      throw new InputException(
          "terraform show -json printed no plan document",
          "check that the plan file exists and that terraform is 1.6 or newer");
    }
    List<ResourceChange> changes = new ArrayList<>();
    for (JsonNode change : root.path("resource_changes")) {
      List<String> actions = new ArrayList<>();
      change.path("change").path("actions").forEach(action -> actions.add(action.asText()));
      if (actions.equals(List.of("no-op"))) {
        continue;
      }
      changes.add(
          new ResourceChange(
              change.path("address").asText(),
              change.path("type").asText(),
              actions,
              isDeletionProtected(
                  change.path("type").asText(), change.path("change").path("before"))));
    }
    return new PlanSummary(changes);
  }

  /**
   * GKE clusters, Cloud SQL instances and secrets say it at the top; Cloud SQL also inside {@code
   * settings}. A locked log bucket can never be deleted at all.
   */
  private static boolean isDeletionProtected(String type, JsonNode before) {
    if (LOCKED_LOG_BUCKET.equals(type) && before.path("locked").asBoolean(false)) {
      return true;
    }
    if (before.path("deletion_protection").asBoolean(false)) {
      return true;
    }
    for (JsonNode settings : before.path("settings")) {
      if (settings.path("deletion_protection_enabled").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  public long toAdd() {
    return changes.stream().filter(change -> change.isCreate() || change.isReplace()).count();
  }

  public long toChange() {
    return changes.stream().filter(ResourceChange::isUpdate).count();
  }

  public long toDestroy() {
    return changes.stream().filter(change -> change.isDelete() || change.isReplace()).count();
  }

  public long toRead() {
    return changes.stream().filter(ResourceChange::isRead).count();
  }

  /** Resources the plan deletes or replaces whose deletion protection will make the apply fail. */
  public List<ResourceChange> blockedByDeletionProtection() {
    return changes.stream()
        .filter(change -> (change.isDelete() || change.isReplace()) && change.deletionProtected())
        .toList();
  }

  public boolean isEmpty() {
    return changes.stream().allMatch(ResourceChange::isRead);
  }
}
