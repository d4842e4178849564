package com.alphintra.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.doctor.FakeHostProbe;
import com.alphintra.infra.exec.FakeProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Pins the --help of every command, found by walking the command tree, in
 * src/test/resources/cli/help, and keeps headers uniform: one sentence, capitalised, ending in a
 * period.
 */
class HelpGoldenTest {

  static final String REGENERATE =
      "./mvnw -q test -Dtest=HelpGoldenTest -Dalphintra.updateGoldens=true";
  private static final Path GOLDENS = Path.of("src/test/resources/cli/help");

  /** Fixed, so the goldens do not depend on the terminal or on picocli.usage.width. */
  private static final int WIDTH = 80;

  @TempDir Path checkout;

  private CommandLine rootCommand() {
    var workspace = TestWorkspace.create(checkout);
    Services services =
        new Services(new FakeProcessRunner(), new FakeHostProbe(), () -> Optional.of(workspace));
    CommandLine commandLine =
        Main.commandLine(
            services, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    commandLine.setUsageHelpAutoWidth(false);
    commandLine.setUsageHelpWidth(WIDTH);
    return commandLine;
  }

  /** Every command reachable from the root, keyed by its golden file name. */
  private Map<String, CommandLine> commands() {
    Map<String, CommandLine> commands = new LinkedHashMap<>();
    collect(rootCommand(), commands);
    return commands;
  }

  private static void collect(CommandLine command, Map<String, CommandLine> commands) {
    commands.put(command.getCommandSpec().qualifiedName("-") + ".txt", command);
    // getSubcommands() also maps aliases; the distinct CommandLine objects are the commands.
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, commands));
  }

  private static String help(CommandLine command) {
    StringWriter text = new StringWriter();
    command.usage(new PrintWriter(text, true), CommandLine.Help.Ansi.OFF);
    return text.toString();
  }

  @Test
  void everyCommandsHelpMatchesItsGolden() throws IOException {
    Map<String, CommandLine> commands = commands();
    boolean update = Boolean.getBoolean("alphintra.updateGoldens");
    if (update) {
      Files.createDirectories(GOLDENS);
      for (var command : commands.entrySet()) {
        Files.writeString(GOLDENS.resolve(command.getKey()), help(command.getValue()));
      }
      for (String orphan : orphans(commands.keySet())) {
        Files.delete(GOLDENS.resolve(orphan));
      }
    }
    List<String> stale = new ArrayList<>();
    for (var command : commands.entrySet()) {
      Path golden = GOLDENS.resolve(command.getKey());
      if (!Files.exists(golden) || !Files.readString(golden).equals(help(command.getValue()))) {
        stale.add(golden.toString());
      }
    }
    assertThat(stale)
        .withFailMessage(
            "--help differs from (or has no) golden file:%n  %s%nregenerate the goldens with:%n  %s",
            String.join("\n  ", stale), REGENERATE)
        .isEmpty();
  }

  @Test
  void everyGoldenBelongsToACommand() throws IOException {
    assertThat(orphans(commands().keySet()))
        .withFailMessage(
            "golden files in %s with no command: %s%nremove them with:%n  %s",
            GOLDENS, orphans(commands().keySet()), REGENERATE)
        .isEmpty();
  }

  @Test
  void everyHeaderIsOneSentenceEndingInAPeriod() {
    List<String> bad = new ArrayList<>();
    commands()
        .forEach(
            (name, command) -> {
              String[] header = command.getCommandSpec().usageMessage().header();
              String line = header.length == 1 ? header[0] : String.join(" / ", header);
              if (header.length != 1
                  || line.isEmpty()
                  || !Character.isUpperCase(line.charAt(0))
                  || !line.endsWith(".")) {
                bad.add(command.getCommandSpec().qualifiedName() + ": \"" + line + "\"");
              }
            });
    assertThat(bad)
        .withFailMessage(
            "headers must be one imperative sentence, capitalised and ending in a period:%n  %s",
            String.join("\n  ", bad))
        .isEmpty();
  }

  @Test
  void everyDefaultIsShownThroughDefaultValue() {
    List<String> bad = new ArrayList<>();
    commands()
        .forEach(
            (name, command) -> {
              List<CommandLine.Model.ArgSpec> args =
                  new ArrayList<>(command.getCommandSpec().options());
              args.addAll(command.getCommandSpec().positionalParameters());
              for (CommandLine.Model.ArgSpec arg : args) {
                // Hidden options are not in the help, so there is nothing to drift.
                if (arg.defaultValue() != null
                    && !arg.hidden()
                    && !rawDescription(arg).contains("(default: ${DEFAULT-VALUE})")) {
                  bad.add(command.getCommandSpec().qualifiedName() + " " + arg.paramLabel());
                }
              }
            });
    assertThat(bad)
        .withFailMessage(
            "options with a default must say \"(default: ${DEFAULT-VALUE})\","
                + " so help cannot drift from the code:%n  %s",
            String.join("\n  ", bad))
        .isEmpty();
  }

  /**
   * The description as written in the annotation: picocli's description() has ${DEFAULT-VALUE}
   * filled in.
   */
  private static String rawDescription(CommandLine.Model.ArgSpec arg) {
    AnnotatedElement element = (AnnotatedElement) arg.userObject();
    CommandLine.Option option = element.getAnnotation(CommandLine.Option.class);
    String[] lines =
        option != null
            ? option.description()
            : element.getAnnotation(CommandLine.Parameters.class).description();
    return String.join(" ", lines);
  }

  private static Set<String> orphans(Set<String> expected) throws IOException {
    Set<String> orphans = new TreeSet<>();
    if (Files.isDirectory(GOLDENS)) {
      try (Stream<Path> files = Files.list(GOLDENS)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> !expected.contains(f))
            .forEach(orphans::add);
      }
    }
    return orphans;
  }
}
