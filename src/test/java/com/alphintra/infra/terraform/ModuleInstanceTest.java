package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.hcl.HclParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluating a module in the context of a root: tfvars, defaults, call arguments, locals, module
 * outputs.
 */
class ModuleInstanceTest {

  private static final Path ROOT = TerraformLoaderTest.PROJECT.toAbsolutePath().normalize();
  private static TerraformProject project;

  @BeforeAll
  static void load() throws IOException {
    project = TerraformLoader.loadProject(TerraformLoaderTest.PROJECT);
  }

  private static ModuleInstance clusterIn(String environment) {
    return project
        .rootInstance(ROOT.resolve("environments/" + environment))
        .orElseThrow()
        .child("cluster")
        .orElseThrow();
  }

  private static Resource cluster() {
    return project
        .module(ROOT.resolve("modules/cluster"))
        .orElseThrow()
        .resource("google_container_cluster", "this")
        .orElseThrow();
  }

  @Test
  void rootVariablesComeFromTfvarsThenAutoTfvarsThenDefaults() {
    ModuleInstance dev = project.rootInstance(ROOT.resolve("environments/dev")).orElseThrow();
    assertThat(dev.variable("region")).isEqualTo(Value.of("europe-west3"));
    assertThat(dev.variable("private_nodes")).isEqualTo(Value.of(false));
    assertThat(dev.variable("project_id")).isEqualTo(Value.of("alphintra-dev"));
    assertThat(dev.variable("undeclared")).isEqualTo(Value.unknown());
    assertThat(dev.local("name")).isEqualTo(Value.of("alphintra-dev"));
  }

  @Test
  void aRuleCanAskHowAnEnvironmentConfiguresAModuleResource() {
    assertThat(
            clusterIn("dev")
                .evaluateAttribute(cluster(), "private_cluster_config.enable_private_nodes"))
        .contains(Value.of(false));
    assertThat(
            clusterIn("prod")
                .evaluateAttribute(cluster(), "private_cluster_config.enable_private_nodes"))
        .contains(Value.of(true));
    assertThat(
            clusterIn("prod")
                .evaluateAttribute(cluster(), "private_cluster_config.enable_private_endpoint"))
        .contains(Value.of(true));
    assertThat(
            clusterIn("prod")
                .evaluateAttribute(cluster(), "private_cluster_config.master_ipv4_cidr_block"))
        .contains(Value.of("172.16.0.16/28"));
    assertThat(clusterIn("dev").evaluateAttribute(cluster(), "location"))
        .contains(Value.of("europe-west3"));
    assertThat(clusterIn("prod").evaluateAttribute(cluster(), "location"))
        .contains(Value.of("europe-west3"));
  }

  @Test
  void argumentsMayReferToOtherModulesOutputs() {
    assertThat(clusterIn("dev").evaluateAttribute(cluster(), "resource_labels.subnet"))
        .contains(Value.of("10.20.0.0/20"));
    assertThat(clusterIn("prod").evaluateAttribute(cluster(), "resource_labels.subnet"))
        .contains(Value.nullValue());
    ModuleInstance dev = project.rootInstance(ROOT.resolve("environments/dev")).orElseThrow();
    assertThat(dev.child("network").orElseThrow().output("subnet_cidrs"))
        .isEqualTo(
            Value.map(
                Map.of("nodes", Value.of("10.20.0.0/20"), "proxy", Value.of("10.20.16.0/20"))));
    assertThat(dev.child("network").orElseThrow().output("network_id")).isEqualTo(Value.unknown());
    assertThat(dev.output("cluster_private")).isEqualTo(Value.of(false));
    assertThat(dev.child("remote")).isEmpty();
  }

  @Test
  void absentSettingsAreEmptyAndGeneratedBlocksUnknown() {
    assertThat(
            clusterIn("dev")
                .evaluateAttribute(cluster(), "private_cluster_config.no_such_argument"))
        .isEmpty();
    assertThat(clusterIn("dev").evaluateAttribute(cluster(), "no_such_block.enabled")).isEmpty();
    assertThat(clusterIn("dev").evaluateAttribute(cluster(), "resource_labels.no_such_key"))
        .isEmpty();
    assertThat(
            clusterIn("dev")
                .evaluateAttribute(cluster(), "master_authorized_networks_config.cidr_blocks"))
        .contains(Value.unknown());
  }

  @Test
  void instancesAreListedPerCallPathAndUncalledModulesUseDefaults() {
    List<ModuleInstance> clusters = project.instancesOf(ROOT.resolve("modules/cluster"));
    assertThat(clusters)
        .extracting(ModuleInstance::describe)
        .containsExactly("environments/dev > module.cluster", "environments/prod > module.cluster");
    assertThat(clusters.get(0).callPath()).containsExactly("module.cluster");
    assertThat(clusters.get(0).rootDirectory()).isEqualTo(ROOT.resolve("environments/dev"));
    List<ModuleInstance> orphans = project.instancesOf(ROOT.resolve("modules/orphan"));
    assertThat(orphans)
        .singleElement()
        .satisfies(
            orphan -> {
              assertThat(orphan.describe()).isEqualTo("modules/orphan");
              Resource logs =
                  orphan.module().resource("google_storage_bucket", "logs").orElseThrow();
              assertThat(orphan.evaluateAttribute(logs, "force_destroy")).contains(Value.of(true));
            });
    assertThat(project.instances()).hasSize(6);
    assertThat(project.instancesOf(ROOT.resolve("nowhere"))).isEmpty();
  }

  @Test
  void aCycleInLocalsIsUnknownNotAStackOverflow() {
    ModuleInstance instance =
        instanceOf(
            """
                locals {
                  a = local.b + 1
                  b = local.a + 1
                  self = [local.self]
                  fine = 2
                  uses_fine = local.fine * 3
                }
                """);
    assertThat(instance.local("a")).isEqualTo(Value.unknown());
    assertThat(instance.local("b")).isEqualTo(Value.unknown());
    assertThat(instance.local("self")).isEqualTo(Value.list(List.of(Value.unknown())));
    assertThat(instance.local("uses_fine")).isEqualTo(Value.of(6));
  }

  @Test
  void aVeryLongChainOfLocalsEndsAsUnknownWithinTheDepthBound() {
    StringBuilder source = new StringBuilder("locals {\n  l0 = 1\n");
    for (int i = 1; i <= 5000; i++) {
      source.append("  l").append(i).append(" = local.l").append(i - 1).append(" + 1\n");
    }
    ModuleInstance instance = instanceOf(source.append("}\n").toString());
    assertThat(instance.local("l5000")).isEqualTo(Value.unknown());
    assertThat(instance.local("l20")).isEqualTo(Value.of(21));
  }

  @Test
  void aModuleThatCallsItselfStopsAtTheCallDepthBound() {
    Path dir = ROOT.resolve("self");
    TerraformModule module =
        TerraformModule.of(
            dir,
            List.of(
                HclParser.parse(
                    """
                variable "n" {
                  type    = number
                  default = 0
                }
                module "again" {
                  source = "./"
                  n      = var.n + 1
                }
                output "depth" {
                  value = module.again.depth
                }
                """,
                    dir.resolve("main.tf"))),
            List.of());
    TerraformProject selfCalling = TerraformProject.of(ROOT, List.of(module));
    assertThat(selfCalling.rootInstance(dir).orElseThrow().output("depth"))
        .isEqualTo(Value.unknown());
    assertThat(selfCalling.instancesOf(dir)).hasSize(1);
  }

  @Test
  void repeatedResourcesAreEvaluatedPerInstanceWhenTheirRepetitionIsKnown() {
    ModuleInstance instance =
        instanceOf(
            """
                variable "pools" {
                  type    = map(number)
                  default = { general = 1, analytics = 2 }
                }
                resource "google_container_node_pool" "pool" {
                  for_each   = var.pools
                  name       = "pool-${each.key}"
                  node_count = each.value
                }
                resource "google_compute_instance" "vm" {
                  count = 2
                  name  = "vm-${count.index}"
                }
                resource "google_storage_bucket" "named" {
                  for_each = toset(["b", "a"])
                  name     = each.value
                }
                resource "google_compute_instance" "later" {
                  count = length(data.google_compute_zones.all.names)
                  name  = "later-${count.index}"
                }
                resource "google_compute_network" "single" {
                  name = "one"
                }
                """);
    TerraformModule module = instance.module();
    Resource pool = module.resource("google_container_node_pool", "pool").orElseThrow();
    assertThat(instance.instanceSymbols(pool).orElseThrow())
        .map(symbols -> instance.evaluateAttribute(pool.body(), "name", symbols).orElseThrow())
        .containsExactly(Value.of("pool-analytics"), Value.of("pool-general"));
    Resource vm = module.resource("google_compute_instance", "vm").orElseThrow();
    assertThat(instance.instanceSymbols(vm).orElseThrow())
        .map(symbols -> instance.evaluateAttribute(vm.body(), "name", symbols).orElseThrow())
        .containsExactly(Value.of("vm-0"), Value.of("vm-1"));
    Resource named = module.resource("google_storage_bucket", "named").orElseThrow();
    assertThat(instance.instanceSymbols(named).orElseThrow())
        .map(symbols -> instance.evaluateAttribute(named.body(), "name", symbols).orElseThrow())
        .containsExactly(Value.of("a"), Value.of("b"));
    Resource later = module.resource("google_compute_instance", "later").orElseThrow();
    assertThat(instance.instanceSymbols(later)).isEmpty();
    assertThat(instance.evaluateAttribute(later, "name")).contains(Value.unknown());
    Resource single = module.resource("google_compute_network", "single").orElseThrow();
    assertThat(instance.instanceSymbols(single)).contains(List.of(Map.of()));
  }

  private static ModuleInstance instanceOf(String source) {
    Path dir = ROOT.resolve("inline");
    TerraformModule module =
        TerraformModule.of(
            dir, List.of(HclParser.parse(source, dir.resolve("main.tf"))), List.of());
    return TerraformProject.of(ROOT, List.of(module)).rootInstance(dir).orElseThrow();
  }
}
