package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The findings of a rule that relates objects, over every {@link ObjectSet}: each at the line that
 * writes the field (see {@link Platform#locate}), in the overlay of its set; the engine makes the
 * findings of several overlays with the same cause one, naming the overlays ({@link
 * Finding#merge}).
 */
public final class ReferenceFindings {

  private final RuleInfo rule;
  private final Platform platform;
  private final List<Finding> found = new ArrayList<>();

  public ReferenceFindings(RuleInfo rule, Platform platform) {
    this.rule = rule;
    this.platform = platform;
  }

  /** A finding about the field at {@code path} of {@code object} in {@code set}. */
  public void add(ObjectSet set, LoadedObject object, String path, String message) {
    add(set, object, object.describe(), platform.locate(object, path), message);
  }

  /**
   * A finding about {@code object} in {@code set}, named {@code name}, at a place other than its
   * field, such as the patch that removed what it needs.
   */
  public void add(
      ObjectSet set, LoadedObject object, String name, SourceLocation location, String message) {
    found.add(Finding.in(rule, set.overlay(), location, Optional.of(object), name, message));
  }

  /** A finding at a known place, such as a Helm values file. */
  public void add(ObjectSet set, SourceLocation location, String object, String message) {
    found.add(Finding.in(rule, set.overlay(), location, Optional.empty(), object, message));
  }

  public List<Finding> list() {
    return List.copyOf(found);
  }
}
