package com.alphintra.infra.platform;

import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Expression;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Terraform directory (a module, an environment or the bootstrap): the blocks of its {@code .tf} files.
 *
 * @param path the directory, relative to the repository root
 * @param resources its {@code resource} blocks
 * @param variables its {@code variable} blocks by name
 * @param locals its {@code locals} entries by name
 * @param moduleCalls its {@code module} blocks
 * @param otherBlocks every other top-level block ({@code terraform}, {@code provider}, {@code output}, {@code data})
 * @param tfvars the assignments of its {@code terraform.tfvars} and {@code *.auto.tfvars}, by variable name
 */
public record TerraformDirectory(
    Path path, List<TerraformResource> resources, Map<String, Block> variables, Map<String, Expression> locals,
    List<Block> moduleCalls, List<Block> otherBlocks, Map<String, Expression> tfvars) {

  public TerraformDirectory {
    resources = List.copyOf(resources);
    variables = Map.copyOf(variables);
    locals = Map.copyOf(locals);
    moduleCalls = List.copyOf(moduleCalls);
    otherBlocks = List.copyOf(otherBlocks);
    tfvars = Map.copyOf(tfvars);
  }

  /** Whether this directory is an environment: a root configuration under {@code environments/}. */
  public boolean isEnvironment() {
    return path.getParent() != null && path.getParent().getFileName() != null
        && path.getParent().getFileName().toString().equals("environments");
  }
}
