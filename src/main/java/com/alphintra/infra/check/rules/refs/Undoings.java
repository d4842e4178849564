package com.alphintra.infra.check.rules.refs;

import com.alphintra.infra.platform.LoadedObject;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where an overlay undoes what its files provide: when a rule finds something missing in what an
 * overlay renders (a default-deny policy, a disruption budget) while a file the overlay includes
 * writes it, the cause is the line that deletes that object or changes the fields that made it
 * count, and that is where the finding belongs.
 */
public final class Undoings {

  private Undoings() {}

  /**
   * The line of overlay {@code set} that undoes one of {@code written} (objects of files that would
   * provide what is missing): the {@code $patch: delete} of one that the render lacks, else the
   * patch that changes one of {@code fields} of one whose rendered copy {@code stillProvides}
   * rejects. Empty for a set of no overlay, or when no file provides it.
   */
  public static Optional<SourceLocation> of(
      Platform platform,
      ObjectSet set,
      List<LoadedObject> written,
      Predicate<LoadedObject> stillProvides,
      String... fields) {
    if (set.overlay().isEmpty()) {
      return Optional.empty();
    }
    String overlay = set.overlay().get();
    for (LoadedObject object : written) {
      if (!platform.includes(overlay, object)) {
        continue;
      }
      List<LoadedObject> rendered =
          set.view().ofKind(object.kind()).stream()
              .filter(candidate -> candidate.name().equals(object.name()))
              .filter(
                  candidate ->
                      object.namespace().isEmpty()
                          || candidate.namespace().equals(object.namespace()))
              .toList();
      if (rendered.isEmpty()) {
        Optional<SourceLocation> deletion = platform.deletionOf(overlay, object);
        if (deletion.isPresent()) {
          return deletion;
        }
        continue;
      }
      for (LoadedObject copy : rendered) {
        if (stillProvides.test(copy)) {
          continue;
        }
        for (String field : fields) {
          Optional<SourceLocation> change = platform.changeOf(copy, field);
          if (change.isPresent()) {
            return change;
          }
        }
      }
    }
    return Optional.empty();
  }
}
