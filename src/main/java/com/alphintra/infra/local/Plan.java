package com.alphintra.infra.local;

import com.alphintra.infra.error.InputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered steps of {@code up}, where they go ({@code context}), the steps left out for that
 * target (the cluster step with {@code --context}) and the time budgets the run is measured
 * against.
 */
public record Plan(
    String context,
    List<Step> steps,
    Set<String> notForThisTarget,
    List<Budget> budgets,
    List<String> notes) {

  public Plan {
    steps = List.copyOf(steps);
    notForThisTarget = Set.copyOf(notForThisTarget);
    budgets = List.copyOf(budgets);
    notes = List.copyOf(notes);
  }

  public List<String> names() {
    return steps.stream().map(Step::name).toList();
  }

  /**
   * The names of the steps to run: all of them, only one ({@code --only}), or one and those after
   * it ({@code --from}); never the ones not meant for this target. An unknown name is an input
   * error that lists the valid ones.
   */
  public Set<String> select(Optional<String> only, Optional<String> from) {
    if (only.isPresent() && from.isPresent()) {
      throw new InputException("--only and --from exclude each other", "give one of them");
    }
    Set<String> selected = new LinkedHashSet<>();
    if (only.isPresent()) {
      selected.add(requireKnown(only.get(), "--only"));
    } else if (from.isPresent()) {
      int start = names().indexOf(requireKnown(from.get(), "--from"));
      selected.addAll(names().subList(start, names().size()));
    } else {
      selected.addAll(names());
    }
    selected.removeAll(notForThisTarget);
    if (selected.isEmpty()) {
      throw new InputException(
          "step '" + only.or(() -> from).orElse("") + "' does not apply to context " + context,
          "the cluster step only runs for the local k3d cluster (without --context)");
    }
    return selected;
  }

  private String requireKnown(String name, String option) {
    if (!names().contains(name)) {
      throw new InputException(
          "unknown step '" + name + "' for " + option,
          "valid steps, in order: " + String.join(", ", names()));
    }
    return name;
  }

  public List<String> unselected(Set<String> selected) {
    List<String> left = new ArrayList<>(names());
    left.removeAll(selected);
    return left;
  }
}
