package com.alphintra.sample;

import java.util.Map;

/** Just enough JSON writing for log lines and responses: string escaping and flat objects. */
final class JsonText {

  private JsonText() {}

  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * An object from fields in order; values that are Numbers or Booleans stay bare, others are
   * quoted.
   */
  static String object(Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(quote(field.getKey())).append(':').append(value(field.getValue()));
    }
    return out.append('}').toString();
  }

  static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof RawJson raw) {
      return raw.text();
    }
    return quote(value.toString());
  }

  /** Text that is already JSON (a downstream's response) and goes in as it is. */
  record RawJson(String text) {}
}
