/**
 * The Terraform configuration model: {@link com.alphintra.infra.terraform.TerraformLoader} reads
 * directories into {@link com.alphintra.infra.terraform.TerraformModule}s and a {@link
 * com.alphintra.infra.terraform.TerraformProject}; a {@link
 * com.alphintra.infra.terraform.ModuleInstance} (a module as one root calls it) evaluates
 * expressions statically into {@link com.alphintra.infra.terraform.Value}s, unknown where Terraform
 * would only know at apply time.
 */
package com.alphintra.infra.terraform;
