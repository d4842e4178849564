package com.alphintra.infra.check;

import com.alphintra.infra.check.rules.audit.AuditLogsAreRetained;
import com.alphintra.infra.check.rules.audit.AuditLogsRecordDataAccess;
import com.alphintra.infra.check.rules.env.EnvironmentsTightenTowardsProd;
import com.alphintra.infra.check.rules.gcs.GcsBucketsKeepVersions;
import com.alphintra.infra.check.rules.gcs.GcsBucketsPreventPublicAccess;
import com.alphintra.infra.check.rules.gcs.GcsBucketsUseUniformAccess;
import com.alphintra.infra.check.rules.gke.GkeControlPlaneAcceptsOnlyAuthorizedNetworks;
import com.alphintra.infra.check.rules.gke.GkeControlPlaneIsPrivateInProduction;
import com.alphintra.infra.check.rules.gke.GkeDoesNotUseLegacyAbac;
import com.alphintra.infra.check.rules.gke.GkeDoesNotUseLegacyClientAuthentication;
import com.alphintra.infra.check.rules.gke.GkeEncryptsSecretsWithKms;
import com.alphintra.infra.check.rules.gke.GkeEnforcesBinaryAuthorizationInProduction;
import com.alphintra.infra.check.rules.gke.GkeEnforcesNetworkPolicies;
import com.alphintra.infra.check.rules.gke.GkeFollowsAReleaseChannel;
import com.alphintra.infra.check.rules.gke.GkeHasNoDefaultNodePool;
import com.alphintra.infra.check.rules.gke.GkeIsProtectedFromDeletionInProduction;
import com.alphintra.infra.check.rules.gke.GkeNodePoolsRepairAndUpgradeAutomatically;
import com.alphintra.infra.check.rules.gke.GkeNodesArePrivate;
import com.alphintra.infra.check.rules.gke.GkeNodesAreShielded;
import com.alphintra.infra.check.rules.gke.GkeNodesUseADedicatedServiceAccount;
import com.alphintra.infra.check.rules.gke.GkeProtectsNodeMetadata;
import com.alphintra.infra.check.rules.gke.GkeSendsLogs;
import com.alphintra.infra.check.rules.gke.GkeSendsMetrics;
import com.alphintra.infra.check.rules.gke.GkeUsesWorkloadIdentity;
import com.alphintra.infra.check.rules.istio.IstioAllowRulesNameTheirCallers;
import com.alphintra.infra.check.rules.istio.IstioAuthorizationAllowsNotEverything;
import com.alphintra.infra.check.rules.istio.IstioAuthorizationMatchesNetworkPolicy;
import com.alphintra.infra.check.rules.istio.IstioAuthorizationSelectorsMatchWorkloads;
import com.alphintra.infra.check.rules.istio.IstioAuthorizationSourcesExist;
import com.alphintra.infra.check.rules.istio.IstioDestinationRuleHostsExist;
import com.alphintra.infra.check.rules.istio.IstioDestinationRuleSubsetsSelectWorkloads;
import com.alphintra.infra.check.rules.istio.IstioDestinationRulesDetectOutliers;
import com.alphintra.infra.check.rules.istio.IstioDestinationRulesLimitConnections;
import com.alphintra.infra.check.rules.istio.IstioDestinationRulesUseIstioMutualTls;
import com.alphintra.infra.check.rules.istio.IstioGatewayHostsAreNamed;
import com.alphintra.infra.check.rules.istio.IstioGatewaySelectorsMatchGateways;
import com.alphintra.infra.check.rules.istio.IstioGatewaysDoNotConflict;
import com.alphintra.infra.check.rules.istio.IstioGatewaysServeHttps;
import com.alphintra.infra.check.rules.istio.IstioMtlsIsStrict;
import com.alphintra.infra.check.rules.istio.IstioNamespacesDenyByDefault;
import com.alphintra.infra.check.rules.istio.IstioNamespacesRequireMutualTls;
import com.alphintra.infra.check.rules.istio.IstioRoutesHaveTimeouts;
import com.alphintra.infra.check.rules.istio.IstioSidecarsAreInjected;
import com.alphintra.infra.check.rules.istio.IstioUnsafeRoutesAreNotRetried;
import com.alphintra.infra.check.rules.istio.IstioVirtualServiceDestinationsExist;
import com.alphintra.infra.check.rules.istio.IstioVirtualServiceGatewaysExist;
import com.alphintra.infra.check.rules.istio.IstioVirtualServiceSubsetsAreDefined;
import com.alphintra.infra.check.rules.k3d.K3dApiListensOnLocalhost;
import com.alphintra.infra.check.rules.k3d.K3dAuditsApiServer;
import com.alphintra.infra.check.rules.k3d.K3dConfigMatchesItsSchema;
import com.alphintra.infra.check.rules.k3d.K3dHasRegistry;
import com.alphintra.infra.check.rules.k3d.K3dImageIsPinned;
import com.alphintra.infra.check.rules.k3d.K3dJoinsNamedNetwork;
import com.alphintra.infra.check.rules.k3d.K3dPortsListenOnLocalhost;
import com.alphintra.infra.check.rules.k8s.K8sConfigMapsNameServicesThatExist;
import com.alphintra.infra.check.rules.k8s.K8sContainersCannotEscalatePrivileges;
import com.alphintra.infra.check.rules.k8s.K8sContainersDropAllCapabilities;
import com.alphintra.infra.check.rules.k8s.K8sContainersHaveProbes;
import com.alphintra.infra.check.rules.k8s.K8sContainersRunAsNonRoot;
import com.alphintra.infra.check.rules.k8s.K8sContainersSetResources;
import com.alphintra.infra.check.rules.k8s.K8sImagesArePinned;
import com.alphintra.infra.check.rules.k8s.K8sNamespacesDenyByDefault;
import com.alphintra.infra.check.rules.k8s.K8sNamespacesEnforcePodSecurity;
import com.alphintra.infra.check.rules.k8s.K8sNoClusterAdminBindings;
import com.alphintra.infra.check.rules.k8s.K8sObjectsMatchTheirSchema;
import com.alphintra.infra.check.rules.k8s.K8sPodsMountNoHostPaths;
import com.alphintra.infra.check.rules.k8s.K8sPodsShareNoHostNamespaces;
import com.alphintra.infra.check.rules.k8s.K8sReplicatedWorkloadsHaveDisruptionBudgets;
import com.alphintra.infra.check.rules.k8s.K8sRolesNameNoWildcards;
import com.alphintra.infra.check.rules.k8s.K8sRootFilesystemsAreReadOnly;
import com.alphintra.infra.check.rules.k8s.K8sSeccompIsRuntimeDefault;
import com.alphintra.infra.check.rules.k8s.K8sSecretsHoldOnlyPlaceholders;
import com.alphintra.infra.check.rules.k8s.K8sServiceAccountTokensAreNotMounted;
import com.alphintra.infra.check.rules.k8s.K8sServicePortsAreNamed;
import com.alphintra.infra.check.rules.k8s.K8sServiceTargetPortsExist;
import com.alphintra.infra.check.rules.k8s.K8sServicesSelectWorkloads;
import com.alphintra.infra.check.rules.k8s.K8sWorkloadReferencesExist;
import com.alphintra.infra.check.rules.net.CidrRangesDoNotOverlap;
import com.alphintra.infra.check.rules.net.CidrRangesFitTheCluster;
import com.alphintra.infra.check.rules.net.FirewallsDoNotOpenAdminPortsToTheInternet;
import com.alphintra.infra.check.rules.net.NatLogsErrors;
import com.alphintra.infra.check.rules.net.NetworksUseCustomSubnets;
import com.alphintra.infra.check.rules.net.SubnetsHaveFlowLogs;
import com.alphintra.infra.check.rules.net.SubnetsUsePrivateGoogleAccess;
import com.alphintra.infra.check.rules.redis.RedisEncryptsInTransit;
import com.alphintra.infra.check.rules.redis.RedisIsHighlyAvailableInProd;
import com.alphintra.infra.check.rules.redis.RedisRequiresAuth;
import com.alphintra.infra.check.rules.redis.RedisUsesPrivateServiceAccess;
import com.alphintra.infra.check.rules.sql.SqlAuthorizedNetworksAreNotTheInternet;
import com.alphintra.infra.check.rules.sql.SqlBackupsHavePointInTimeRecovery;
import com.alphintra.infra.check.rules.sql.SqlHasNoPublicIp;
import com.alphintra.infra.check.rules.sql.SqlIsHighlyAvailableInProd;
import com.alphintra.infra.check.rules.sql.SqlIsProtectedFromDeletionInProd;
import com.alphintra.infra.check.rules.sql.SqlPostgresLogsSessionsAndLocks;
import com.alphintra.infra.check.rules.sql.SqlRequiresTls;
import com.alphintra.infra.check.rules.sql.SqlUserPasswordsAreGenerated;
import com.alphintra.infra.check.rules.state.SecretsAreNotInConfiguration;
import com.alphintra.infra.check.rules.state.StateBucketIsNotPublic;
import com.alphintra.infra.check.rules.state.StateBucketIsVersioned;
import com.alphintra.infra.check.rules.state.TerraformVersionsArePinned;
import com.alphintra.infra.check.rules.tf.LocalsAreDeclared;
import com.alphintra.infra.check.rules.tf.ModuleCallsMatchVariables;
import com.alphintra.infra.check.rules.tf.ModuleOutputsExist;
import com.alphintra.infra.check.rules.tf.ResourcesAvoidDeprecatedArguments;
import com.alphintra.infra.check.rules.tf.ResourcesMatchProviderSchema;
import com.alphintra.infra.check.rules.tf.VariablesAreDeclared;
import com.alphintra.infra.check.rules.xstack.DatabaseClientsUseTheTlsCloudSqlRequires;
import com.alphintra.infra.check.rules.xstack.ImagesAreAdmittedByBinaryAuthorization;
import com.alphintra.infra.check.rules.xstack.PlaceholdersNameOutputs;
import com.alphintra.infra.check.rules.xstack.WorkloadIdentityAccountsMatch;
import com.alphintra.infra.error.InputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The explicit list of rules: the engine, {@code --list-rules}, docs/rules.md and the SARIF driver
 * all read it, and the engine never names a rule. Adding a rule is one line in {@link #builtIn()}
 * (see {@link Rule} for the class and its fixtures).
 */
public final class RuleRegistry {

  private final List<Rule> rules;
  private final Map<String, RuleInfo> catalog;

  public RuleRegistry(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    List<RuleInfo> infos = new ArrayList<>();
    rules.forEach(rule -> infos.add(rule.info()));
    infos.addAll(MetaRules.ALL);
    infos.sort(Comparator.comparing(RuleInfo::id));
    for (RuleInfo info : infos) {
      if (byId.putIfAbsent(info.id(), info) != null) {
        throw new IllegalArgumentException("two rules have the id " + info.id());
      }
    }
    this.catalog = java.util.Collections.unmodifiableMap(byId);
  }

  /** Every rule that ships with the tool, one line each. */
  public static RuleRegistry builtIn() {
    return new RuleRegistry(
        List.of(
            new GkeNodesArePrivate(),
            new GkeUsesWorkloadIdentity(),
            new GkeControlPlaneAcceptsOnlyAuthorizedNetworks(),
            new GkeControlPlaneIsPrivateInProduction(),
            new GkeNodesAreShielded(),
            new GkeEnforcesNetworkPolicies(),
            new GkeFollowsAReleaseChannel(),
            new GkeNodePoolsRepairAndUpgradeAutomatically(),
            new GkeHasNoDefaultNodePool(),
            new GkeNodesUseADedicatedServiceAccount(),
            new GkeDoesNotUseLegacyAbac(),
            new GkeDoesNotUseLegacyClientAuthentication(),
            new GkeEncryptsSecretsWithKms(),
            new GkeEnforcesBinaryAuthorizationInProduction(),
            new GkeIsProtectedFromDeletionInProduction(),
            new GkeSendsLogs(),
            new GkeSendsMetrics(),
            new GkeProtectsNodeMetadata(),
            new SqlHasNoPublicIp(),
            new SqlRequiresTls(),
            new SqlBackupsHavePointInTimeRecovery(),
            new SqlIsHighlyAvailableInProd(),
            new SqlIsProtectedFromDeletionInProd(),
            new SqlPostgresLogsSessionsAndLocks(),
            new SqlAuthorizedNetworksAreNotTheInternet(),
            new SqlUserPasswordsAreGenerated(),
            new RedisRequiresAuth(),
            new RedisEncryptsInTransit(),
            new RedisIsHighlyAvailableInProd(),
            new RedisUsesPrivateServiceAccess(),
            new NetworksUseCustomSubnets(),
            new SubnetsHaveFlowLogs(),
            new SubnetsUsePrivateGoogleAccess(),
            new FirewallsDoNotOpenAdminPortsToTheInternet(),
            new NatLogsErrors(),
            new StateBucketIsVersioned(),
            new StateBucketIsNotPublic(),
            new GcsBucketsPreventPublicAccess(),
            new GcsBucketsKeepVersions(),
            new GcsBucketsUseUniformAccess(),
            new SecretsAreNotInConfiguration(),
            new TerraformVersionsArePinned(),
            new AuditLogsRecordDataAccess(),
            new AuditLogsAreRetained(),
            new K8sContainersRunAsNonRoot(),
            new K8sContainersCannotEscalatePrivileges(),
            new K8sImagesArePinned(),
            new K8sRootFilesystemsAreReadOnly(),
            new K8sContainersDropAllCapabilities(),
            new K8sSeccompIsRuntimeDefault(),
            new K8sPodsMountNoHostPaths(),
            new K8sPodsShareNoHostNamespaces(),
            new K8sContainersSetResources(),
            new K8sContainersHaveProbes(),
            new K8sServiceAccountTokensAreNotMounted(),
            new K8sNamespacesEnforcePodSecurity(),
            new K8sNamespacesDenyByDefault(),
            new K8sRolesNameNoWildcards(),
            new K8sNoClusterAdminBindings(),
            new K8sSecretsHoldOnlyPlaceholders(),
            new K8sServicePortsAreNamed(),
            new K8sReplicatedWorkloadsHaveDisruptionBudgets(),
            new IstioMtlsIsStrict(),
            new K3dApiListensOnLocalhost(),
            new ResourcesMatchProviderSchema(),
            new ResourcesAvoidDeprecatedArguments(),
            new VariablesAreDeclared(),
            new LocalsAreDeclared(),
            new ModuleOutputsExist(),
            new ModuleCallsMatchVariables(),
            new CidrRangesDoNotOverlap(),
            new CidrRangesFitTheCluster(),
            new DatabaseClientsUseTheTlsCloudSqlRequires(),
            new ImagesAreAdmittedByBinaryAuthorization(),
            new WorkloadIdentityAccountsMatch(),
            new PlaceholdersNameOutputs(),
            new EnvironmentsTightenTowardsProd(),
            new K8sServicesSelectWorkloads(),
            new K8sConfigMapsNameServicesThatExist(),
            new K8sServiceTargetPortsExist(),
            new K8sWorkloadReferencesExist(),
            new IstioVirtualServiceDestinationsExist(),
            new IstioVirtualServiceSubsetsAreDefined(),
            new IstioVirtualServiceGatewaysExist(),
            new IstioDestinationRuleHostsExist(),
            new IstioDestinationRuleSubsetsSelectWorkloads(),
            new IstioGatewaySelectorsMatchGateways(),
            new IstioGatewaysDoNotConflict(),
            new IstioAuthorizationSourcesExist(),
            new IstioAuthorizationSelectorsMatchWorkloads(),
            new IstioAuthorizationMatchesNetworkPolicy(),
            new IstioNamespacesRequireMutualTls(),
            new K3dConfigMatchesItsSchema(),
            new K8sObjectsMatchTheirSchema(),
            new IstioNamespacesDenyByDefault(),
            new IstioAuthorizationAllowsNotEverything(),
            new IstioAllowRulesNameTheirCallers(),
            new IstioDestinationRulesUseIstioMutualTls(),
            new IstioDestinationRulesDetectOutliers(),
            new IstioDestinationRulesLimitConnections(),
            new IstioUnsafeRoutesAreNotRetried(),
            new IstioRoutesHaveTimeouts(),
            new IstioSidecarsAreInjected(),
            new IstioGatewayHostsAreNamed(),
            new IstioGatewaysServeHttps(),
            new K3dImageIsPinned(),
            new K3dHasRegistry(),
            new K3dJoinsNamedNetwork(),
            new K3dAuditsApiServer(),
            new K3dPortsListenOnLocalhost()));
  }

  /** The rules that check the platform, in registration order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every catalog entry (rules and the engine's own), sorted by id. */
  public Collection<RuleInfo> catalog() {
    return catalog.values();
  }

  public Optional<RuleInfo> find(String id) {
    return Optional.ofNullable(catalog.get(id));
  }

  /**
   * The ids to run: all, or only {@code only} when given, minus {@code skipped}.
   *
   * @throws InputException naming the close matches when an id is not in the catalog
   */
  public Set<String> select(Set<String> only, Set<String> skipped) {
    for (String id : concat(only, skipped)) {
      if (!catalog.containsKey(id)) {
        List<String> close = closeMatches(id);
        throw new InputException(
            "unknown rule id '" + id + "'",
            (close.isEmpty() ? "" : "did you mean " + String.join(", ", close) + "? ")
                + "run 'alphintra check --list-rules' for every rule id");
      }
    }
    Set<String> selected = new java.util.LinkedHashSet<>(only.isEmpty() ? catalog.keySet() : only);
    selected.removeAll(skipped);
    return java.util.Collections.unmodifiableSet(selected);
  }

  /**
   * Catalog ids within a small edit distance of {@code id}, or sharing its words, closest first.
   */
  public List<String> closeMatches(String id) {
    record Candidate(String id, int distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (String known : catalog.keySet()) {
      int distance = editDistance(id, known);
      boolean sharesAWord = known.contains(id) || id.contains(known);
      if (distance <= Math.max(2, id.length() / 3) || sharesAWord) {
        candidates.add(new Candidate(known, distance));
      }
    }
    return candidates.stream()
        .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::id))
        .limit(3)
        .map(Candidate::id)
        .toList();
  }

  private static List<String> concat(Set<String> first, Set<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
