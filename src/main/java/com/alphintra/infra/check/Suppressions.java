package com.alphintra.infra.check;

import com.alphintra.infra.platform.SourceComment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the suppressions out of the comments of each file. */
final class Suppressions {

  static final String MARKER = "alphintra:ignore";

  private static final Pattern SUPPRESSION =
      Pattern.compile("alphintra:ignore\\s+(\\S+)(?:\\s+reason\\s*=\\s*\"([^\"]*)\")?");

  private Suppressions() {}

  static List<Suppression> from(Map<Path, List<SourceComment>> comments) {
    List<Suppression> suppressions = new ArrayList<>();
    comments.forEach(
        (file, fileComments) -> {
          Set<Integer> commentOnlyLines = new HashSet<>();
          for (SourceComment comment : fileComments) {
            if (comment.ownLine()) {
              commentOnlyLines.add(comment.line());
            }
          }
          for (SourceComment comment : fileComments) {
            Matcher matcher = SUPPRESSION.matcher(comment.text());
            if (!matcher.find()) {
              continue;
            }
            int covered = comment.line();
            if (comment.ownLine()) {
              covered++;
              while (commentOnlyLines.contains(covered)) {
                covered++;
              }
            }
            Optional<String> reason =
                Optional.ofNullable(matcher.group(2)).map(String::strip).filter(r -> !r.isEmpty());
            suppressions.add(
                new Suppression(file, comment.line(), covered, matcher.group(1), reason));
          }
        });
    return suppressions;
  }
}
