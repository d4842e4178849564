package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.HclFile;
import com.alphintra.infra.hcl.HclParseException;
import com.alphintra.infra.hcl.HclParser;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Terraform directories from disk.
 *
 * <p>Malformed or unreadable configuration files raise {@link HclParseException} (with {@code
 * file:line:col}); a directory that cannot be listed raises {@link IOException}.
 */
public final class TerraformLoader {

  private TerraformLoader() {}

  /**
   * The module in one directory: its {@code *.tf} files, plus {@code terraform.tfvars} and {@code
   * *.auto.tfvars}.
   */
  public static TerraformModule loadModule(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files = entries.sorted().toList();
    }
    for (Path file : files) {
      if (file.getFileName().toString().endsWith(".tf")
          && Files.isSymbolicLink(file)
          && !Files.exists(file)) {
        throw new IOException(
            file + " is a symbolic link to " + Files.readSymbolicLink(file) + ", which is missing");
      }
    }
    files = files.stream().filter(Files::isRegularFile).toList();
    List<HclFile> configuration = new ArrayList<>();
    List<HclFile> tfvars = new ArrayList<>();
    for (Path file : files) {
      if (file.getFileName().toString().endsWith(".tf")) {
        configuration.add(HclParser.parse(file));
      }
    }
    // Terraform's order of precedence: terraform.tfvars first, then *.auto.tfvars in lexical order.
    Path defaults = directory.resolve("terraform.tfvars");
    if (Files.isRegularFile(defaults)) {
      tfvars.add(HclParser.parse(defaults));
    }
    for (Path file : files) {
      if (file.getFileName().toString().endsWith(".auto.tfvars")) {
        tfvars.add(HclParser.parse(file));
      }
    }
    return TerraformModule.of(directory, configuration, tfvars);
  }

  /**
   * Every directory below {@code root} that holds a {@code .tf} file; hidden directories are
   * skipped, and so is a directory whose {@code .tf} files are all shared into other directories
   * through symbolic links (the files every environment root carries, kept once): Terraform reads
   * them only as part of the directories that link them, and so do we.
   */
  public static TerraformProject loadProject(Path root) throws IOException {
    List<Path> directories = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            // .terraform holds downloaded copies of modules and providers, not our configuration.
            if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            List<Path> terraform = terraformFiles(dir);
            if (!terraform.isEmpty()) {
              directories.add(dir);
              files.addAll(terraform);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Set<Path> shared = sharedDirectories(files);
    List<TerraformModule> modules = new ArrayList<>();
    for (Path dir : directories.stream().sorted().toList()) {
      if (!shared.contains(dir)) {
        modules.add(loadModule(dir));
      }
    }
    return TerraformProject.of(root, modules);
  }

  private static List<Path> terraformFiles(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
          .toList();
    }
  }

  /**
   * The directories among those of {@code tfFiles} that hold only files other directories link to
   * ({@code environments/dev/outputs.tf -> ../../modules/platform/environment-root/outputs.tf}):
   * not modules of their own, as Terraform reads their files only through the links.
   */
  public static Set<Path> sharedDirectories(Collection<Path> tfFiles) throws IOException {
    Set<Path> linkTargets = new HashSet<>();
    for (Path file : tfFiles) {
      if (Files.isSymbolicLink(file)) {
        linkTargets.add(file.toRealPath());
      }
    }
    Map<Path, Boolean> onlyTargets = new HashMap<>();
    for (Path file : tfFiles) {
      boolean target = !Files.isSymbolicLink(file) && linkTargets.contains(file.toRealPath());
      onlyTargets.merge(file.getParent(), target, Boolean::logicalAnd);
    }
    Set<Path> shared = new HashSet<>();
    onlyTargets.forEach(
        (directory, only) -> {
          if (only) {
            shared.add(directory);
          }
        });
    return shared;
  }
}
