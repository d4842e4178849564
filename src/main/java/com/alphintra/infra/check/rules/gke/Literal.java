package com.alphintra.infra.check.rules.gke;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A known value as a message shows it: the way HCL writes it. */
final class Literal {

  private Literal() {}

  static String of(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Literal::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(entry -> entry.getKey() + " = " + of(entry.getValue()))
          .collect(Collectors.joining(", ", "{ ", " }"));
    }
    return String.valueOf(value);
  }
}
