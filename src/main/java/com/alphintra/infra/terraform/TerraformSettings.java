package com.alphintra.infra.terraform;

import com.alphintra.infra.hcl.Range;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code terraform} blocks of a module, merged: modules often split them ({@code versions.tf}
 * for versions, {@code backend.tf} for state). {@code range} is the first block's.
 */
public record TerraformSettings(
    Optional<String> requiredVersion,
    Map<String, RequiredProvider> requiredProviders,
    Optional<Backend> backend,
    Range range) {

  public TerraformSettings {
    requiredProviders = Map.copyOf(requiredProviders);
  }
}
