package com.alphintra.infra.check;

import com.alphintra.infra.error.InputException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted as they are ({@code --baseline FILE}), so a team can adopt a rule and fix its
 * old findings later while new ones still fail. An entry matches a finding by rule, file, object
 * and message, not by line, so editing elsewhere in a file keeps it matching; each entry accepts
 * one finding.
 *
 * @param entries the accepted findings
 */
public record Baseline(List<Entry> entries) {

  static final int VERSION = 1;

  /** One accepted finding. */
  public record Entry(String rule, String file, String object, String message) {

    static Entry of(Finding finding) {
      return new Entry(finding.rule(), finding.fileName(), finding.object(), finding.message());
    }
  }

  public Baseline {
    entries = List.copyOf(entries);
  }

  public static Baseline of(List<Finding> findings) {
    return new Baseline(findings.stream().sorted(Finding.ORDER).map(Entry::of).toList());
  }

  /**
   * Reads a baseline written by {@link #toJson()}.
   *
   * @throws InputException with the file, line and column when the text is not such a baseline
   */
  public static Baseline parse(String text, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new InputException(
          "malformed baseline: " + e.getOriginalMessage(),
          file,
          where == null ? 0 : where.getLineNr(),
          where == null ? 0 : where.getColumnNr(),
          "fix the JSON, or write a new baseline with --write-baseline " + file,
          e);
    }
    if (root == null || !root.path("findings").isArray()) {
      throw new InputException(
          "not a baseline: expected an object with a \"findings\" array",
          file,
          "write a new baseline with --write-baseline " + file);
    }
    List<Entry> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.get("findings")) {
      for (String field : List.of("rule", "file", "object", "message")) {
        if (!node.path(field).isTextual()) {
          throw new InputException(
              "baseline entry " + index + " has no text field \"" + field + "\"",
              file,
              "write a new baseline with --write-baseline " + file);
        }
      }
      entries.add(
          new Entry(
              node.get("rule").asText(),
              node.get("file").asText(),
              node.get("object").asText(),
              node.get("message").asText()));
      index++;
    }
    return new Baseline(entries);
  }

  public String toJson() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("version", VERSION);
    document.put("findings", entries);
    try {
      return new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(document)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the baseline", e);
    }
  }

  /** The findings no entry accepts; each entry accepts at most one finding. */
  List<Finding> withoutAccepted(List<Finding> findings) {
    Map<Entry, Integer> remaining = new HashMap<>();
    entries.forEach(entry -> remaining.merge(entry, 1, Integer::sum));
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      Entry entry = Entry.of(finding);
      int left = remaining.getOrDefault(entry, 0);
      if (left > 0) {
        remaining.put(entry, left - 1);
      } else {
        kept.add(finding);
      }
    }
    return kept;
  }
}
