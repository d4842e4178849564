package com.alphintra.infra.cloud;

import java.util.List;

/**
 * One resource in a saved plan: its address and what the plan does to it ({@code create}, {@code
 * delete}...).
 */
public record ResourceChange(
    String address, String type, List<String> actions, boolean deletionProtected) {

  public ResourceChange {
    actions = List.copyOf(actions);
  }

  public boolean isCreate() {
    return actions.equals(List.of("create"));
  }

  public boolean isDelete() {
    return actions.equals(List.of("delete"));
  }

  public boolean isUpdate() {
    return actions.equals(List.of("update"));
  }

  /** Terraform writes a replacement as delete+create or create+delete. */
  public boolean isReplace() {
    return actions.size() == 2 && actions.contains("create") && actions.contains("delete");
  }

  public boolean isRead() {
    return actions.equals(List.of("read"));
  }
}
