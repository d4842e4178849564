package com.alphintra.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

  @TempDir Path root;

  /** Its own thread: the common pool may have a single worker on a two-core machine. */
  private final ExecutorService waiting = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWaiting() {
    waiting.shutdownNow();
  }

  private CompletableFuture<List<Path>> next(SourceWatcher watcher) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return watcher.awaitChanges();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        waiting);
  }

  @Test
  void aBurstOfChangesIsReportedOnceAfterItSettles() throws Exception {
    Path sources = Files.createDirectories(root.resolve("src/main/java"));
    try (SourceWatcher watcher =
        new SourceWatcher(List.of(sources), List.of(), Duration.ofMillis(300))) {
      CompletableFuture<List<Path>> changes = next(watcher);
      for (int i = 0; i < 5; i++) {
        Files.writeString(sources.resolve("Main.java"), "class Main { int v = " + i + "; }\n");
        Files.writeString(sources.resolve("Other.java"), "class Other {}\n");
        Thread.sleep(50);
      }
      assertThat(changes.get(10, TimeUnit.SECONDS))
          .containsExactlyInAnyOrder(sources.resolve("Main.java"), sources.resolve("Other.java"));
    }
  }

  @Test
  void aNewPackageFolderIsWatchedToo() throws Exception {
    Path sources = Files.createDirectories(root.resolve("src/main/java"));
    try (SourceWatcher watcher =
        new SourceWatcher(List.of(sources), List.of(), Duration.ofMillis(200))) {
      CompletableFuture<List<Path>> created = next(watcher);
      Path folder = Files.createDirectories(sources.resolve("com/alphintra"));
      created.get(10, TimeUnit.SECONDS);

      CompletableFuture<List<Path>> changes = next(watcher);
      Files.writeString(folder.resolve("New.java"), "class New {}\n");
      assertThat(changes.get(10, TimeUnit.SECONDS)).contains(folder.resolve("New.java"));
    }
  }

  @Test
  void filesOfAFolderCreatedWithThemAreChanges() throws Exception {
    Path sources = Files.createDirectories(root.resolve("src/main/java"));
    try (SourceWatcher watcher =
        new SourceWatcher(List.of(sources), List.of(), Duration.ofMillis(200))) {
      CompletableFuture<List<Path>> changes = next(watcher);
      // As a branch switch does: a package folder appears together with its classes.
      Path staging = Files.createDirectories(root.resolve("staging/pkg/sub"));
      Files.writeString(staging.resolve("Deep.java"), "class Deep {}\n");
      Files.move(root.resolve("staging/pkg"), sources.resolve("pkg"));

      assertThat(changes.get(10, TimeUnit.SECONDS)).contains(sources.resolve("pkg/sub/Deep.java"));
    }
  }

  @Test
  void editorScratchFilesAreIgnored() throws Exception {
    Path sources = Files.createDirectories(root.resolve("src"));
    try (SourceWatcher watcher =
        new SourceWatcher(List.of(sources), List.of(), Duration.ofMillis(200))) {
      CompletableFuture<List<Path>> changes = next(watcher);
      Files.writeString(sources.resolve(".Main.java.swp"), "x");
      Files.writeString(sources.resolve("Main.java~"), "x");
      Thread.sleep(400);
      Files.writeString(sources.resolve("Main.java"), "class Main {}\n");
      assertThat(changes.get(10, TimeUnit.SECONDS)).containsExactly(sources.resolve("Main.java"));
    }
  }
}
