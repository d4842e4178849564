package com.alphintra.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format for tests: fails on any line the format does not
 * allow.
 */
record Exposition(Map<String, String> types, List<Sample> samples) {

  record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern COMMENT =
      Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

  static Exposition parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher comment = COMMENT.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (comment.matches()) {
        if (comment.group(1).equals("TYPE")) {
          types.put(comment.group(2), comment.group(3));
        }
      } else if (sample.matches()) {
        Map<String, String> labels = new LinkedHashMap<>();
        String labelText = sample.group(3) == null ? "" : sample.group(3);
        Matcher label = LABEL.matcher(labelText);
        int end = 0;
        while (label.find() && label.start() == end) {
          labels.put(
              label.group(1),
              label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
          end = label.end();
        }
        if (end != labelText.length()) {
          throw new IllegalArgumentException("malformed labels: " + line);
        }
        String value = sample.group(4);
        samples.add(
            new Sample(
                sample.group(1),
                labels,
                value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value)));
      } else {
        throw new IllegalArgumentException("not a valid exposition line: '" + line + "'");
      }
    }
    return new Exposition(types, samples);
  }

  List<Sample> named(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  double value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(
            sample ->
                sample.name().equals(name)
                    && sample.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .sum();
  }
}
