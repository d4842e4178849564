package com.alphintra.infra.check.rules.env;

import java.util.Map;

/**
 * One security or reliability setting across the environments.
 *
 * @param setting what it is ({@code google_sql_database_instance.main settings.availability_type})
 * @param values its value in each environment where it is known, by environment name, dev first
 * @param direction whether it only gets stricter from dev to prod
 */
public record SettingComparison(
    String setting, Map<String, SettingValue> values, Direction direction) {

  public SettingComparison {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }
}
