package com.alphintra.infra.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secret-looking values before anything about a command or its output is shown or logged. */
public final class Redaction {

  public static final String MASK = "****";

  private static final String SECRET_WORDS =
      "password|passwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|credential|auth";

  /** {@code --password=x}, {@code TOKEN=x}, {@code -var db_password=x}: the value after '='. */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)([\\w.-]*(?:"
              + SECRET_WORDS
              + ")[\\w.-]*\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|(?:bearer|basic)\\s+\\S+|\\S+)");

  /** A flag such as {@code --token} whose value is the next argument. */
  private static final Pattern SECRET_FLAG =
      Pattern.compile("(?i)^--?[\\w-]*(?:" + SECRET_WORDS + ")[\\w-]*$");

  /** Bearer tokens, PEM private keys and Google OAuth access tokens in free text. */
  private static final List<Pattern> SECRET_TEXT =
      List.of(
          Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"),
          Pattern.compile(
              "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
          Pattern.compile("ya29\\.[A-Za-z0-9._-]{10,}"));

  private Redaction() {}

  public static List<String> redactArguments(List<String> arguments) {
    List<String> shown = new ArrayList<>(arguments.size());
    boolean maskNext = false;
    for (String argument : arguments) {
      if (maskNext) {
        shown.add(MASK);
        maskNext = false;
      } else if (SECRET_FLAG.matcher(argument).matches()) {
        shown.add(argument);
        maskNext = true;
      } else {
        shown.add(redactText(argument));
      }
    }
    return shown;
  }

  public static String redactText(String text) {
    Matcher keyValue = KEY_VALUE.matcher(text);
    String result = keyValue.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
    for (Pattern pattern : SECRET_TEXT) {
      Matcher matcher = pattern.matcher(result);
      result =
          matcher.replaceAll(
              match ->
                  Matcher.quoteReplacement(match.groupCount() >= 1 ? match.group(1) + MASK : MASK));
    }
    return result;
  }
}
