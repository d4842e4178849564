package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Expression;
import com.alphintra.infra.hcl.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Inputs and Outputs tables of a module's README, rendered from the module itself so they
 * cannot drift from {@code variables.tf} and {@code outputs.tf}. Types and defaults appear as
 * written in the source; the tables sit between {@link #BEGIN} and {@link #END} so the rest of the
 * README stays hand-written.
 */
public final class ModuleDocs {

  public static final String BEGIN = "<!-- BEGIN_TF_DOCS -->";
  public static final String END = "<!-- END_TF_DOCS -->";

  private final Map<Path, String> sources = new HashMap<>();

  private ModuleDocs() {}

  /** The Markdown that belongs between the markers: an Inputs and an Outputs section. */
  public static String markdown(TerraformModule module) throws IOException {
    ModuleDocs docs = new ModuleDocs();
    StringBuilder text = new StringBuilder("## Inputs\n\n");
    if (module.variables().isEmpty()) {
      text.append("No inputs.\n");
    } else {
      text.append("| name | type | default | description |\n|---|---|---|---|\n");
      for (Variable variable : module.variables()) {
        text.append("| ")
            .append(code(variable.name()))
            .append(variable.sensitive() ? " (sensitive)" : "")
            .append(" | ")
            .append(variable.type().isPresent() ? docs.written(variable.type().get()) : code("any"))
            .append(" | ")
            .append(
                variable.defaultValue().isPresent()
                    ? docs.written(variable.defaultValue().get())
                    : "required")
            .append(" | ")
            .append(description(variable.description()))
            .append(" |\n");
      }
    }
    text.append("\n## Outputs\n\n");
    if (module.outputs().isEmpty()) {
      text.append("No outputs.\n");
    } else {
      text.append("| name | description | sensitive |\n|---|---|---|\n");
      for (Output output : module.outputs()) {
        text.append("| ")
            .append(code(output.name()))
            .append(" | ")
            .append(description(output.description()))
            .append(" | ")
            .append(output.sensitive() ? "yes" : "no")
            .append(" |\n");
      }
    }
    return text.toString();
  }

  /**
   * The README with everything between the markers replaced by {@code section}; empty when the
   * README lacks either marker or has them in the wrong order.
   */
  public static Optional<String> withSection(String readme, String section) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      return Optional.empty();
    }
    return Optional.of(readme.substring(0, begin) + BEGIN + "\n" + section + readme.substring(end));
  }

  /** An expression's source text: one line as a code span, several as a {@code <pre>} block. */
  private String written(Expression expression) throws IOException {
    Range range = expression.range();
    String source = source(range.file());
    String text = source.substring(range.start().offset(), range.end().offset());
    if (!text.contains("\n")) {
      return code(text);
    }
    // Continuation lines carry the indentation of the attribute's line; removing it aligns them
    // with
    // the first line, as they would read at the top level.
    int lineStart = source.lastIndexOf('\n', range.start().offset() - 1) + 1;
    int indent = 0;
    while (lineStart + indent < source.length() && source.charAt(lineStart + indent) == ' ') {
      indent++;
    }
    List<String> lines = text.lines().toList();
    StringBuilder pre = new StringBuilder("<pre>").append(html(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      int strip = 0;
      while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
        strip++;
      }
      pre.append("<br>").append(html(line.substring(strip)));
    }
    return pre.append("</pre>").toString();
  }

  private String source(Path file) throws IOException {
    String text = sources.get(file);
    if (text == null) {
      text = Files.readString(file);
      sources.put(file, text);
    }
    return text;
  }

  /** A code span; a backtick inside needs a longer fence, and a pipe would end the table cell. */
  private static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    String padding = text.contains("`") ? " " : "";
    return fence + padding + text.replace("|", "\\|") + padding + fence;
  }

  /**
   * Text inside {@code <pre>}: HTML-escaped, with the characters Markdown would act on neutralised.
   */
  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("`", "&#96;");
  }

  /**
   * A description as one table cell. Its code spans stay code; elsewhere a pipe would split the
   * cell, {@code <name>} would vanish as an HTML tag and {@code *} could start emphasis.
   * Underscores stay: GitHub does not emphasise inside words such as {@code cidr_block}.
   */
  private static String description(Optional<String> description) {
    String text = description.orElse("").strip().replaceAll("\\s*\\n\\s*", " ");
    StringBuilder cell = new StringBuilder();
    boolean inCode = false;
    for (char c : text.toCharArray()) {
      if (c == '`') {
        inCode = !inCode;
        cell.append(c);
      } else if (c == '|') {
        cell.append("\\|");
      } else if (!inCode && (c == '<' || c == '>' || c == '*')) {
        cell.append('\\').append(c);
      } else {
        cell.append(c);
      }
    }
    return cell.toString();
  }
}
