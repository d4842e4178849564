package com.alphintra.infra.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches source folders (recursively, including folders created later) and reports changes once
 * they have settled: an editor's save, a formatter or a branch switch touch many files in a burst,
 * and one pass of the dev loop should follow the burst, not each file.
 */
final class SourceWatcher implements AutoCloseable {

  private final WatchService service;
  private final Duration quietPeriod;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final List<Path> trees;

  /**
   * @param trees folders watched with everything below them
   * @param folders folders watched for their own entries only (a project folder, for its pom)
   */
  SourceWatcher(List<Path> trees, List<Path> folders, Duration quietPeriod) {
    this.quietPeriod = quietPeriod;
    this.trees = List.copyOf(trees);
    try {
      this.service = FileSystems.getDefault().newWatchService();
      for (Path tree : trees) {
        registerTree(tree);
      }
      for (Path folder : folders) {
        register(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + trees + " and " + folders, e);
    }
  }

  /**
   * Blocks until something changed and then nothing more for the quiet period; returns what
   * changed.
   */
  List<Path> awaitChanges() throws InterruptedException {
    Set<Path> changed = new LinkedHashSet<>();
    collect(service.take(), changed);
    while (true) {
      WatchKey next = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        if (!changed.isEmpty()) {
          return new ArrayList<>(changed);
        }
        collect(service.take(), changed);
      } else {
        collect(next, changed);
      }
    }
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && Files.isDirectory(path)
          && isInTree(path)) {
        try {
          registerTree(path).stream().filter(file -> !isEditorScratch(file)).forEach(changed::add);
        } catch (IOException e) {
          // A folder that vanished again has nothing to watch.
        }
      }
      if (!isEditorScratch(path)) {
        changed.add(path);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  /**
   * New folders are watched when they appear inside a watched tree (a new package), not beside a
   * pom.
   */
  private boolean isInTree(Path path) {
    return trees.stream().anyMatch(path::startsWith);
  }

  /** Swap and backup files editors write beside the real ones. */
  private static boolean isEditorScratch(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".tmp");
  }

  /**
   * Watches the folder, then everything already in it: registering before listing means a child
   * made meanwhile shows up either in the listing or as an event. Returns the files found, which
   * are changes when the folder itself is new (a package created together with its first class).
   */
  private List<Path> registerTree(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    register(folder);
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        if (Files.isDirectory(child)) {
          files.addAll(registerTree(child));
        } else {
          files.add(child);
        }
      }
    }
    return files;
  }

  private void register(Path folder) throws IOException {
    WatchKey key =
        folder.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    folders.put(key, folder);
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // Closing a watch service only releases its handles.
    }
  }
}
