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
import java.util.List;
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
      files = entries.filter(Files::isRegularFile).sorted().toList();
    }
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
   * skipped.
   */
  public static TerraformProject loadProject(Path root) throws IOException {
    List<Path> directories = new ArrayList<>();
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
            try (Stream<Path> entries = Files.list(dir)) {
              if (entries.anyMatch(
                  p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))) {
                directories.add(dir);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    List<TerraformModule> modules = new ArrayList<>();
    for (Path dir : directories.stream().sorted().toList()) {
      modules.add(loadModule(dir));
    }
    return TerraformProject.of(root, modules);
  }
}
