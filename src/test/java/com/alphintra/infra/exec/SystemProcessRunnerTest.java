package com.alphintra.infra.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemProcessRunnerTest {

  private final SystemProcessRunner runner = new SystemProcessRunner();

  @Test
  void capturesOutputAndExitCode() {
    ProcessResult result = runner.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"));

    assertThat(result.status()).isEqualTo(ProcessResult.Status.EXITED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.succeeded()).isFalse();
    assertThat(result.describe()).contains("exited with 3").contains("err");
  }

  @Test
  void missingProgramIsNotFoundNotAnException() {
    ProcessResult result = runner.run(Command.of("alphintra-no-such-program-" + System.nanoTime()));

    assertThat(result.status()).isEqualTo(ProcessResult.Status.NOT_FOUND);
    assertThat(result.describe()).contains("is not installed");
  }

  @Test
  void hangingProgramIsKilledAtItsTimeout() {
    long started = System.nanoTime();
    ProcessResult result =
        runner.run(
            Command.of("sh", "-c", "echo started; sleep 30").withTimeout(Duration.ofMillis(500)));

    assertThat(result.status()).isEqualTo(ProcessResult.Status.TIMED_OUT);
    assertThat(result.stdout()).contains("started");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void programThatReadsStandardInputDoesNotWaitForIt() {
    ProcessResult result = runner.run(Command.of("cat").withTimeout(Duration.ofSeconds(5)));

    assertThat(result.status()).isEqualTo(ProcessResult.Status.EXITED);
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void runsInTheGivenDirectoryWithTheGivenEnvironment(@TempDir Path directory) throws Exception {
    ProcessResult result =
        runner.run(
            Command.of("sh", "-c", "pwd; echo $ALPHINTRA_TEST")
                .inDirectory(directory)
                .withEnvironment(java.util.Map.of("ALPHINTRA_TEST", "yes")));

    assertThat(result.stdout()).isEqualTo(directory.toRealPath().toString() + "\nyes\n");
  }

  @Test
  void streamsEachLineToTheListenerWhileRunning() {
    List<String> lines = new ArrayList<>();
    ProcessResult result =
        runner.run(Command.of("sh", "-c", "echo one; echo two").streamingTo(lines::add));

    assertThat(result.succeeded()).isTrue();
    assertThat(lines).containsExactly("one", "two");
  }
}
