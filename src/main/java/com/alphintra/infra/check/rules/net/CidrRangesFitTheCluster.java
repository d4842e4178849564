package com.alphintra.infra.check.rules.net;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Body;
import com.alphintra.infra.platform.EvaluationContext;
import com.alphintra.infra.platform.K3dConfig;
import com.alphintra.infra.platform.ObjectSet;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.terraform.ListValue;
import com.alphintra.infra.terraform.NullValue;
import com.alphintra.infra.terraform.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The node subnet and Pod range of each GKE cluster hold every node its node pools can scale to
 * (autoscaling maximum per zone times zones), each node taking the smallest block with twice its
 * maximum Pods (110 Pods: a /24); its Service range holds every Service of the environment's
 * overlay (as kubectl renders it); the k3d cluster's Pod range holds a /24 per k3d node.
 */
public final class CidrRangesFitTheCluster implements Rule {

  static final RuleInfo INFO =
      new RuleInfo(
          "net-cidr-capacity",
          "Node, Pod and Service ranges hold every node and Service the cluster can have",
          Severity.HIGH,
          Target.NET,
          "GKE gives each node a fixed block of the Pod range (a /24 for 110 Pods per node), each node an address"
              + " of the subnet and each Service an address of the Service range; when one runs out, the autoscaler"
              + " cannot add nodes and Pods stay Pending exactly when load is highest, or a new Service cannot be"
              + " created.",
          "Widen the range in the environment's CIDR plan, or lower max_node_count or max_pods_per_node.",
          List.of(
              "GKE: flexible Pod CIDR ranges (Pod range size = nodes x 2 x max Pods per node)",
              "k3s: node-cidr-mask-size /24 per node"));

  private static final long DEFAULT_MAX_PODS = 110;
  private static final long REGIONAL_ZONES = 3;
  private static final long SUBNET_RESERVED_ADDRESSES = 4;
  private static final int K3S_NODE_MASK = 24;
  private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    NetworkPlan plan = new NetworkPlan(platform);
    List<Finding> findings = new ArrayList<>();
    List<TerraformResource> pools = platform.terraform().resources("google_container_node_pool");
    for (TerraformResource cluster : platform.terraform().resources("google_container_cluster")) {
      List<TerraformResource> own =
          pools.stream()
              .filter(
                  pool -> pool.directory().equals(cluster.directory()) && belongsTo(pool, cluster))
              .toList();
      NetworkPlan.each(
          platform,
          cluster,
          (context, symbols, label) -> {
            checkCluster(plan, cluster, own, context, symbols, label, findings);
            checkServices(platform, plan, cluster, context, symbols, label, findings);
          });
    }
    for (K3dConfig k3d : platform.k3d()) {
      checkK3d(k3d, findings);
    }
    return findings;
  }

  private static void checkCluster(
      NetworkPlan plan,
      TerraformResource cluster,
      List<TerraformResource> pools,
      EvaluationContext context,
      Map<String, Value> symbols,
      String label,
      List<Finding> findings) {
    Body body = cluster.block().body();
    Optional<NetworkPlan.SecondaryRange> pods =
        NetworkPlan.string(
                context,
                symbols,
                NetworkPlan.nested(body, "ip_allocation_policy", "cluster_secondary_range_name"))
            .flatMap(name -> plan.secondaryRange(context.name(), name));
    if (pods.isEmpty() || pools.isEmpty()) {
      return;
    }
    long clusterMaxPods = maxPods(context, symbols, body.attribute("default_max_pods_per_node"));
    Optional<Long> clusterZones = zones(context, symbols, body);
    long nodes = 0;
    long podAddresses = 0;
    long widestBlock = 0;
    for (TerraformResource pool : pools) {
      Body poolBody = pool.block().body();
      if (poolBody.attribute("count").isPresent() || poolBody.attribute("for_each").isPresent()) {
        return;
      }
      Optional<Long> poolNodes = maxNodes(context, poolBody, clusterZones);
      if (poolNodes.isEmpty()) {
        return;
      }
      long poolMaxPods =
          poolBody.attribute("max_pods_per_node").isPresent()
              ? maxPods(context, Map.of(), poolBody.attribute("max_pods_per_node"))
              : clusterMaxPods;
      long block = Long.highestOneBit(Math.max(1, 2 * poolMaxPods - 1)) << 1;
      widestBlock = Math.max(widestBlock, block);
      nodes += poolNodes.get();
      podAddresses += poolNodes.get() * block;
    }
    PlannedRange podRange = pods.get().range();
    if (podAddresses > podRange.cidr().size()) {
      findings.add(
          Finding.of(
              INFO,
              podRange.file(),
              podRange.line(),
              label,
              podRange.description()
                  + " "
                  + podRange.cidr()
                  + " has "
                  + podRange.cidr().size()
                  + " addresses, but the node pools of "
                  + label
                  + " scale to "
                  + nodes
                  + " nodes needing "
                  + podAddresses
                  + " (a /"
                  + (32 - Long.numberOfTrailingZeros(widestBlock))
                  + " per node for "
                  + clusterMaxPods
                  + " Pods) (in "
                  + context.name()
                  + ")"));
    }
    PlannedRange subnet = pods.get().subnet();
    long usable = subnet.cidr().size() - SUBNET_RESERVED_ADDRESSES;
    if (nodes > usable) {
      findings.add(
          Finding.of(
              INFO,
              subnet.file(),
              subnet.line(),
              label,
              subnet.description()
                  + " "
                  + subnet.cidr()
                  + " has "
                  + usable
                  + " usable addresses, but the node pools of "
                  + label
                  + " scale to "
                  + nodes
                  + " nodes (in "
                  + context.name()
                  + ")"));
    }
  }

  /**
   * Every ClusterIP Service takes one address of the Service range; the environment's overlay
   * (rendered) says how many there are, or the files as written when the tree has no overlays.
   * Without either the count is unknown and the rule is silent.
   */
  private static void checkServices(
      Platform platform,
      NetworkPlan plan,
      TerraformResource cluster,
      EvaluationContext context,
      Map<String, Value> symbols,
      String label,
      List<Finding> findings) {
    Optional<NetworkPlan.SecondaryRange> services =
        NetworkPlan.string(
                context,
                symbols,
                NetworkPlan.nested(
                    cluster.block().body(),
                    "ip_allocation_policy",
                    "services_secondary_range_name"))
            .flatMap(name -> plan.secondaryRange(context.name(), name));
    Optional<ObjectSet> overlay =
        platform.objectSets().stream()
            .filter(set -> set.overlay().map(context.name()::equals).orElse(true))
            .findFirst();
    if (services.isEmpty() || overlay.isEmpty()) {
      return;
    }
    long count = overlay.get().view().ofKind("Service").size();
    PlannedRange range = services.get().range();
    if (count > range.cidr().size()) {
      findings.add(
          Finding.of(
              INFO,
              range.file(),
              range.line(),
              label,
              range.description()
                  + " "
                  + range.cidr()
                  + " has "
                  + range.cidr().size()
                  + " addresses, but the Kubernetes configuration defines "
                  + count
                  + " Services (in "
                  + context.name()
                  + ")"));
    }
  }

  /**
   * The most nodes a pool can have: its autoscaling maximum (per zone, or total), else its node
   * count.
   */
  private static Optional<Long> maxNodes(
      EvaluationContext context, Body pool, Optional<Long> clusterZones) {
    Optional<Long> total =
        NetworkPlan.number(
            context, Map.of(), NetworkPlan.nested(pool, "autoscaling", "total_max_node_count"));
    if (total.isPresent()) {
      return total;
    }
    Optional<Attribute> perZone =
        NetworkPlan.nested(pool, "autoscaling", "max_node_count")
            .or(() -> pool.attribute("node_count"))
            .or(() -> pool.attribute("initial_node_count"));
    Optional<Long> count = NetworkPlan.number(context, Map.of(), perZone);
    Optional<Long> zones = zones(context, Map.of(), pool).or(() -> clusterZones);
    return count.isPresent() && zones.isPresent()
        ? Optional.of(count.get() * zones.get())
        : Optional.empty();
  }

  /**
   * The zones of a cluster or pool: its node_locations, else one for a zonal location, three for a
   * region.
   */
  private static Optional<Long> zones(
      EvaluationContext context, Map<String, Value> symbols, Body body) {
    Optional<Attribute> locations = body.attribute("node_locations");
    if (locations.isPresent()) {
      Value value = context.instance().evaluate(locations.get().value(), symbols);
      if (value instanceof ListValue list && !list.elements().isEmpty()) {
        return Optional.of((long) list.elements().size());
      }
      if (!(value instanceof NullValue) && !(value instanceof ListValue)) {
        return Optional.empty();
      }
    }
    Optional<String> location = NetworkPlan.string(context, symbols, body.attribute("location"));
    return location.map(where -> ZONE.matcher(where).matches() ? 1L : REGIONAL_ZONES);
  }

  private static long maxPods(
      EvaluationContext context, Map<String, Value> symbols, Optional<Attribute> attribute) {
    return NetworkPlan.number(context, symbols, attribute).orElse(DEFAULT_MAX_PODS);
  }

  /**
   * A pool belongs to the cluster its {@code cluster} argument names, or to the only cluster of its
   * module.
   */
  private static boolean belongsTo(TerraformResource pool, TerraformResource cluster) {
    return pool.block()
        .body()
        .attribute("cluster")
        .flatMap(attribute -> referencedCluster(attribute))
        .map(name -> name.equals(cluster.name()))
        .orElse(true);
  }

  private static Optional<String> referencedCluster(Attribute attribute) {
    return attribute
        .value()
        .asTraversal()
        .filter(traversal -> traversal.root().equals("google_container_cluster"))
        .flatMap(traversal -> traversal.attribute(0));
  }

  private static void checkK3d(K3dConfig k3d, List<Finding> findings) {
    Optional<Cidr> pods = NetworkPlan.k3sRange(k3d, "cluster-cidr", NetworkPlan.K3S_CLUSTER_CIDR);
    if (pods.isEmpty()) {
      return;
    }
    long nodes = count(k3d, "servers", 1) + count(k3d, "agents", 0);
    long capacity =
        pods.get().prefixLength() > K3S_NODE_MASK
            ? 0
            : 1L << (K3S_NODE_MASK - pods.get().prefixLength());
    if (nodes > capacity) {
      int line =
          NetworkPlan.k3sArgument(k3d, "cluster-cidr")
              .map(entry -> k3d.lineOf("options.k3s.extraArgs[" + entry.getKey() + "].arg"))
              .orElse(k3d.lineOf("agents"));
      findings.add(
          Finding.of(
              INFO,
              k3d.file(),
              line,
              "k3d " + k3d.file(),
              "k3s Pod range "
                  + pods.get()
                  + " holds "
                  + capacity
                  + " nodes at a /24 each, but the k3d cluster has "
                  + nodes
                  + " nodes (in local)"));
    }
  }

  private static long count(K3dConfig k3d, String field, long fallback) {
    return k3d.valueAt(field)
        .filter(Number.class::isInstance)
        .map(value -> ((Number) value).longValue())
        .orElse(fallback);
  }
}
