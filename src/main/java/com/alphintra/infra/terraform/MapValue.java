package com.alphintra.infra.terraform;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A map or object; keys are kept sorted, the order in which Terraform iterates them. */
public record MapValue(Map<String, Value> entries) implements Value {

  public MapValue {
    entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  public Optional<Value> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public boolean isWhollyKnown() {
    return entries.values().stream().allMatch(Value::isWhollyKnown);
  }
}
