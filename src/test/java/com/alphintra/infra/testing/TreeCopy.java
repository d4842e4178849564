package com.alphintra.infra.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Copies a folder of the repository for a test to change, as a clone would have it: symbolic links
 * stay links (the environment roots share files through them), and what Terraform downloads or
 * writes locally ({@code .terraform}, state files) is left behind.
 */
public final class TreeCopy {

  private TreeCopy() {}

  /** Copies {@code from} into {@code to}, which may exist. */
  public static void copy(Path from, Path to) throws IOException {
    copy(from, to, path -> false);
  }

  /** Copies {@code from} into {@code to}, leaving out the files {@code skip} accepts. */
  public static void copy(Path from, Path to, Predicate<Path> skip) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path relative = from.relativize(path);
        if (isLocalTerraformState(relative) || skip.test(path)) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else if (Files.isSymbolicLink(path)) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Files.readSymbolicLink(path));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static boolean isLocalTerraformState(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals(".terraform")
          || name.endsWith(".tfstate")
          || name.endsWith(".tfstate.backup")) {
        return true;
      }
    }
    return false;
  }
}
