package com.alphintra.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files only their owner can read: local secrets, keys and data directories. The file
 * is created with its permissions (never world-readable for a moment) and replaced atomically.
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  public static Path createDirectory(Path directory) {
    try {
      if (isPosix()) {
        if (!Files.isDirectory(directory)) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        Files.setPosixFilePermissions(directory, DIRECTORY);
      } else {
        Files.createDirectories(directory);
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
    }
  }

  public static void write(Path file, String text) {
    createDirectory(file.getParent());
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      if (isPosix()) {
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(FILE));
      }
      Files.writeString(
          temporary, text, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
