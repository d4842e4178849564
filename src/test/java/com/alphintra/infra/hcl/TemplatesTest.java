package com.alphintra.infra.hcl;

import static com.alphintra.infra.hcl.SourceRanges.FILE;
import static com.alphintra.infra.hcl.SourceRanges.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec sections "Template Expressions" and "Templates": quoted strings, heredocs, directives,
 * stripping.
 */
class TemplatesTest {

  private static TemplateExpr template(String source) {
    return (TemplateExpr) HclParser.parseExpression(source, FILE);
  }

  private static List<Object> literals(List<TemplatePart> parts) {
    return parts.stream()
        .map(
            p -> p instanceof TemplateLiteral l ? (Object) l.value() : p.getClass().getSimpleName())
        .toList();
  }

  @Test
  void aQuotedTemplateWithInterpolationHasExactRanges() {
    TemplateExpr expected =
        new TemplateExpr(
            List.of(
                new TemplateLiteral("gke-", range(2, 6)),
                new TemplateInterpolation(
                    new GetAttrExpr(
                        new VariableExpr("var", range(8, 11)), "env", range(12, 15), range(8, 15)),
                    false,
                    false,
                    range(6, 16)),
                new TemplateLiteral("-cluster", range(16, 24))),
            false,
            range(1, 25));
    assertThat(template("\"gke-${var.env}-cluster\"")).isEqualTo(expected);
  }

  @Test
  void escapesAreDecoded() {
    assertThat(template("\"a\\nb\\t\\\"q\\\" \\\\ \\u00e9 \\U0001F600\"").literalValue())
        .contains("a\nb\t\"q\" \\ é \uD83D\uDE00");
    assertThat(template("\"$${literal} %%{literal}\"").literalValue())
        .contains("${literal} %{literal}");
  }

  @Test
  void aLoneInterpolationCanBeUnwrapped() {
    assertThat(template("\"${var.count}\"").unwrapped()).isPresent();
    assertThat(template("\"n=${var.count}\"").unwrapped()).isEmpty();
    assertThat(template("\"\"").literalValue()).contains("");
  }

  @Test
  void ifAndForDirectivesNest() {
    TemplateExpr t =
        template("\"%{ for s in var.list }%{ if s != \"\" }${s},%{ else }-%{ endif }%{ endfor }\"");
    TemplateFor loop = (TemplateFor) t.parts().get(0);
    assertThat(loop.valueVariable()).isEqualTo("s");
    assertThat(loop.keyVariable()).isEmpty();
    TemplateIf branch = (TemplateIf) loop.body().get(0);
    assertThat(literals(branch.whenTrue())).containsExactly("TemplateInterpolation", ",");
    assertThat(literals(branch.whenFalse())).containsExactly("-");
    TemplateFor keyed =
        (TemplateFor) template("\"%{for k, v in m}${k}=${v} %{endfor}\"").parts().get(0);
    assertThat(keyed.keyVariable()).contains("k");
    assertThat(keyed.valueVariable()).isEqualTo("v");
  }

  @Test
  void stripMarkersRemoveAdjacentWhitespaceFromLiterals() {
    assertThat(literals(template("\"hello ${~ \"world\" }\"").parts()))
        .containsExactly("hello", "TemplateInterpolation");
    TemplateIf branch = (TemplateIf) template("\"%{ if true ~} hello %{~ endif }\"").parts().get(0);
    assertThat(literals(branch.whenTrue())).containsExactly("hello");
    assertThat(literals(template("\"${\"hello\" ~}${\" world\"}\"").parts()))
        .containsExactly("TemplateInterpolation", "TemplateInterpolation");
  }

  @Test
  void heredocsKeepTheirLinesAndIndentedHeredocsLoseTheCommonIndent() {
    HclFile file =
        HclParser.parse(
            """
                a = <<EOT
                  line one
                    ${x}
                EOT
                b = <<-EOT
                    {
                      "k": "${y}"
                    }
                    EOT
                """,
            FILE);
    TemplateExpr a = (TemplateExpr) file.body().attribute("a").orElseThrow().value();
    assertThat(a.heredoc()).isTrue();
    assertThat(literals(a.parts()))
        .containsExactly("  line one\n    ", "TemplateInterpolation", "\n");
    TemplateExpr b = (TemplateExpr) file.body().attribute("b").orElseThrow().value();
    assertThat(literals(b.parts()))
        .containsExactly("{\n  \"k\": \"", "TemplateInterpolation", "\"\n}\n");
    assertThat(b.range()).isEqualTo(range(new Pos(5, 5, 38), new Pos(9, 8, 82)));
  }

  @Test
  void heredocMarkersAreOnlyRecognisedAloneOnALine() {
    TemplateExpr t =
        (TemplateExpr)
            HclParser.parse("a = <<EOT\nnot EOT\nEOTX\n  EOT\n", FILE)
                .body()
                .attributes()
                .get(0)
                .value();
    assertThat(t.literalValue()).contains("not EOT\nEOTX\n");
  }

  @Test
  void standaloneTemplatesStartInLiteralText() {
    TemplateExpr t =
        HclParser.parseTemplate(
            "#!/bin/bash\n%{ for p in ports ~}\nallow ${p}\n%{ endfor ~}\n", FILE);
    assertThat(literals(t.parts())).containsExactly("#!/bin/bash\n", "TemplateFor");
    TemplateFor loop = (TemplateFor) t.parts().get(1);
    assertThat(literals(loop.body())).containsExactly("allow ", "TemplateInterpolation", "\n");
  }

  @Test
  void templateErrors() {
    assertThatThrownBy(() -> template("\"%{ if a }x%{ else }y%{ else }z%{ endif }\""))
        .isInstanceOf(HclParseException.class);
    assertThatThrownBy(() -> template("\"%{ bogus }\""))
        .hasMessageStartingWith("test.hcl:1:5: Invalid template directive");
    assertThatThrownBy(() -> template("\"${a b}\""))
        .hasMessageStartingWith("test.hcl:1:6: Extra characters in template sequence");
    assertThatThrownBy(() -> HclParser.parse("a = <<EOT\nnever closed\n", FILE))
        .hasMessageStartingWith("test.hcl:1:5: Unterminated heredoc");
  }
}
