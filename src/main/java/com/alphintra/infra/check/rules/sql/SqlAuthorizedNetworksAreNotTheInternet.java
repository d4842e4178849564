package com.alphintra.infra.check.rules.sql;

import com.alphintra.infra.check.Finding;
import com.alphintra.infra.check.Rule;
import com.alphintra.infra.check.RuleInfo;
import com.alphintra.infra.check.Severity;
import com.alphintra.infra.check.Target;
import com.alphintra.infra.hcl.Attribute;
import com.alphintra.infra.hcl.Block;
import com.alphintra.infra.platform.Platform;
import com.alphintra.infra.platform.TerraformResource;
import com.alphintra.infra.platform.TerraformValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** No authorized network of a Cloud SQL instance is the whole internet. */
public final class SqlAuthorizedNetworksAreNotTheInternet implements Rule {

  static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

  static final RuleInfo INFO =
      new RuleInfo(
          "sql-no-open-authorized-network",
          "Cloud SQL instances do not authorize 0.0.0.0/0",
          Severity.CRITICAL,
          Target.SQL,
          "An authorized network of 0.0.0.0/0 lets every address on the internet reach the database's public IP;"
              + " even with public IP off today, the entry opens the database the day someone turns it on.",
          "Remove the 0.0.0.0/0 (or ::/0) authorized_networks entry from settings.ip_configuration of the"
              + " google_sql_database_instance and reach the instance over private IP or the Cloud SQL Auth Proxy.",
          List.of(
              "checkov CKV_GCP_11",
              "tfsec google-sql-no-public-access",
              "CIS Google Cloud Platform Foundation Benchmark 6.5"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(Platform platform) {
    List<Finding> findings = new ArrayList<>();
    for (TerraformResource instance :
        platform.terraform().resources("google_sql_database_instance")) {
      Optional<Block> ipConfiguration = instance.nestedBlock("settings.ip_configuration");
      if (ipConfiguration.isEmpty()) {
        continue;
      }
      for (Block network : ipConfiguration.get().body().blocks("authorized_networks")) {
        Optional<Attribute> value = network.body().attribute("value");
        if (value.isEmpty()) {
          continue;
        }
        for (TerraformValue known : platform.terraform().values(instance, value.get().value())) {
          if (known.value() instanceof String cidr && ANYWHERE.contains(cidr.trim())) {
            findings.add(
                Finding.of(
                    INFO,
                    known.file(),
                    known.line(),
                    instance.address(),
                    instance.address()
                        + " authorizes the network \""
                        + cidr.trim()
                        + "\" (the whole internet)"
                        + known.where()));
          }
        }
      }
    }
    return findings;
  }
}
