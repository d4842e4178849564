package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A map or object; keys are kept sorted, the order in which Terraform iterates them. Each entry
 * keeps its own origin; equal to another with equal entries, regardless of origin.
 */
public record MapValue(Map<String, Value> entries, Optional<Range> origin) implements Value {

  public MapValue {
    entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    Objects.requireNonNull(origin, "origin");
  }

  public MapValue(Map<String, Value> entries) {
    this(entries, Optional.empty());
  }

  @Override
  public Value withOrigin(Range origin) {
    return new MapValue(entries, Optional.of(origin));
  }

  public Optional<Value> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public boolean isWhollyKnown() {
    return entries.values().stream().allMatch(Value::isWhollyKnown);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MapValue that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }
}
