package com.alphintra.infra.check.rules.gke;

import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.hcl.TemplateExpr;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import com.alphintra.infra.platform.TerraformView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One pool of GKE nodes as Terraform declares it: a {@code google_container_node_pool}, a {@code
 * node_pool} block of a standard cluster, or the default pool of a standard cluster that keeps it.
 * Paths such as {@code node_config.service_account} and {@code management.auto_repair} read the
 * same in all three.
 *
 * @param resource the resource that declares the pool, whose evaluation contexts apply
 * @param block the block holding the pool's {@code node_config} and {@code management}: the node
 *     pool resource, the {@code node_pool} block, or the cluster itself for its default pool
 * @param name the pool as a message names it ({@code google_container_node_pool.general})
 */
record NodePool(TerraformResource resource, Block block, String name) {

  static final String TYPE = "google_container_node_pool";

  /**
   * Every node pool: the resources, then for each standard cluster its inline pools or its default
   * pool.
   */
  static List<NodePool> all(TerraformView terraform) {
    List<NodePool> pools = new ArrayList<>();
    for (TerraformResource pool : terraform.resources(TYPE)) {
      pools.add(new NodePool(pool, pool.block(), pool.address()));
    }
    for (TerraformResource cluster : Clusters.standard(terraform)) {
      List<Block> inline = cluster.block().body().blocks("node_pool");
      for (int index = 0; index < inline.size(); index++) {
        Block pool = inline.get(index);
        pools.add(new NodePool(cluster, pool, cluster.address() + " " + inlineName(pool, index)));
      }
      if (inline.isEmpty() && keepsDefaultPool(terraform, cluster)) {
        pools.add(
            new NodePool(cluster, cluster.block(), cluster.address() + " (default node pool)"));
      }
    }
    return pools;
  }

  /**
   * Whether the cluster certainly keeps its default node pool: it declares no {@code node_pool}
   * block (those replace the default pool) and {@code remove_default_node_pool} is unset or false
   * in every context.
   */
  static boolean keepsDefaultPool(TerraformView terraform, TerraformResource cluster) {
    if (!cluster.block().body().blocks("node_pool").isEmpty()) {
      return false;
    }
    if (cluster.attribute("remove_default_node_pool").isEmpty()) {
      return true;
    }
    return Clusters.isEverywhere(terraform, cluster, "remove_default_node_pool", false);
  }

  /**
   * {@code node_pool "name"} when the block names the pool literally, else {@code node_pool #n}.
   */
  static String inlineName(Block pool, int index) {
    return pool.body()
        .attribute("name")
        .filter(name -> name.value() instanceof TemplateExpr)
        .flatMap(name -> ((TemplateExpr) name.value()).literalValue())
        .map(name -> "node_pool \"" + name + "\"")
        .orElse("node_pool #" + (index + 1));
  }

  /**
   * The attribute at a dotted path through nested blocks, the first block of each name followed.
   */
  Optional<Attribute> attribute(String path) {
    String[] parts = path.split("\\.");
    Optional<Body> body = body(Arrays.copyOf(parts, parts.length - 1));
    return body.flatMap(found -> found.attribute(parts[parts.length - 1]));
  }

  /**
   * The known values of the attribute at {@code path}, across the resource's contexts; empty when
   * absent.
   */
  List<TerraformValue> values(TerraformView terraform, String path) {
    return attribute(path)
        .map(found -> terraform.values(resource, found.value()))
        .orElse(List.of());
  }

  /**
   * The tightest line for a finding about {@code path}: the attribute, else its nearest present
   * block.
   */
  int lineOf(String path) {
    Optional<Attribute> found = attribute(path);
    if (found.isPresent()) {
      return found.get().range().start().line();
    }
    String[] parts = path.split("\\.");
    for (int depth = parts.length - 1; depth > 0; depth--) {
      Optional<Block> nested = nestedBlock(Arrays.copyOf(parts, depth));
      if (nested.isPresent()) {
        return nested.get().range().start().line();
      }
    }
    return block.range().start().line();
  }

  private Optional<Body> body(String[] blocks) {
    return blocks.length == 0 ? Optional.of(block.body()) : nestedBlock(blocks).map(Block::body);
  }

  private Optional<Block> nestedBlock(String[] blocks) {
    Body body = block.body();
    Block found = null;
    for (String type : blocks) {
      Optional<Block> nested = body.blocks(type).stream().findFirst();
      if (nested.isEmpty()) {
        return Optional.empty();
      }
      found = nested.get();
      body = found.body();
    }
    return Optional.ofNullable(found);
  }
}
