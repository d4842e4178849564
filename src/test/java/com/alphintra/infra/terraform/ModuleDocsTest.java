package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README tables rendered from a module: types and defaults as written, cells that survive Markdown.
 */
class ModuleDocsTest {

  static final Path DOCS = Path.of("src/test/resources/terraform/docs");

  @Test
  void tablesListInputsAndOutputsAsWritten() throws IOException {
    String markdown = ModuleDocs.markdown(TerraformLoader.loadModule(DOCS.resolve("tiny")));

    assertThat(markdown)
        .isEqualTo(
            """
                ## Inputs

                | name | type | default | description |
                |---|---|---|---|
                | `name` | `string` | required | Name of the thing \\| used in labels. |
                | `nodes` | <pre>object({<br>  machine_type = string<br>  count        = optional(number, 1)<br>})</pre> \
                | <pre>{<br>  machine_type = "e2-small"<br>  count        = 2<br>}</pre> \
                | Node pool sizing; see \\<docs\\> and `a\\|b`. |
                | `password` (sensitive) | `string` | required | Database password. |
                | `anything` | `any` | `null` |  |

                ## Outputs

                | name | description | sensitive |
                |---|---|---|
                | `id` | ID of the thing. | no |
                | `token` | Access token. | yes |
                """);
  }

  @Test
  void aModuleWithoutInputsOrOutputsSaysSo() throws IOException {
    String markdown = ModuleDocs.markdown(TerraformLoader.loadModule(DOCS.resolve("empty")));

    assertThat(markdown).isEqualTo("## Inputs\n\nNo inputs.\n\n## Outputs\n\nNo outputs.\n");
  }

  @Test
  void sectionReplacesOnlyTheTextBetweenTheMarkers() {
    String readme =
        "# m\n\nintro\n\n" + ModuleDocs.BEGIN + "\nold tables\n" + ModuleDocs.END + "\n\nafter\n";

    assertThat(ModuleDocs.withSection(readme, "new tables\n"))
        .contains(
            "# m\n\nintro\n\n"
                + ModuleDocs.BEGIN
                + "\nnew tables\n"
                + ModuleDocs.END
                + "\n\nafter\n");
  }

  @Test
  void readmeWithoutBothMarkersHasNoSection() {
    assertThat(ModuleDocs.withSection("# m\n" + ModuleDocs.BEGIN + "\n", "x")).isEmpty();
    assertThat(ModuleDocs.withSection(ModuleDocs.END + "\n" + ModuleDocs.BEGIN + "\n", "x"))
        .isEmpty();
  }
}
