package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The findings of a cross-reference rule over every {@link ObjectSet}: each at the file and line
 * the object was written in, and one finding (naming the overlays) where the same broken reference
 * shows in several overlays rendered from the same file.
 */
public final class ReferenceFindings {

  private record Key(SourceLocation location, String object, String message) {}

  private final RuleInfo rule;
  private final Platform platform;
  private final Map<Key, TreeSet<String>> found = new LinkedHashMap<>();

  public ReferenceFindings(RuleInfo rule, Platform platform) {
    this.rule = rule;
    this.platform = platform;
  }

  /** A finding about the field at {@code path} of {@code object} in {@code set}. */
  public void add(ObjectSet set, LoadedObject object, String path, String message) {
    add(set, platform.locate(object, path), object.describe(), message);
  }

  /** A finding at a known place, such as a Helm values file. */
  public void add(ObjectSet set, SourceLocation location, String object, String message) {
    TreeSet<String> overlays =
        found.computeIfAbsent(new Key(location, object, message), key -> new TreeSet<>());
    set.overlay().ifPresent(overlays::add);
  }

  public List<Finding> list() {
    List<Finding> findings = new ArrayList<>();
    found.forEach(
        (key, overlays) ->
            findings.add(
                Finding.of(
                    rule,
                    key.location().file(),
                    key.location().line(),
                    key.object(),
                    key.message()
                        + (overlays.isEmpty()
                            ? ""
                            : overlays.size() == 1
                                ? " (overlay " + overlays.first() + ")"
                                : " (overlays " + String.join(", ", overlays) + ")"))));
    return findings;
  }
}
