package com.alphintra.infra.check;

import com.alphintra.infra.platform.Platform;
import java.util.List;

/**
 * One property that should hold for the platform, and where it does not.
 *
 * <p>A rule is pure: {@link #check} reads only the {@link Platform} view (no file access, no
 * printing, no state kept between calls) and returns its findings. A value the view cannot know
 * statically (an expression the evaluator cannot reduce, an object only a live cluster would have)
 * keeps the rule silent: a rule reports what is certainly wrong, never what might be.
 *
 * <p>To add a rule:
 *
 * <ol>
 *   <li>Write a small final class in {@code check/rules/<target>/}, named after the property that
 *       should hold ({@code GkeNodesArePrivate}), with a {@code static final RuleInfo INFO}: a
 *       kebab-case id starting with the target prefix, a title stating the good state, the
 *       severity, a rationale, an imperative remediation ending in a period, and the matching
 *       checkov / kube-linter / kube-score / Polaris / istioctl ids.
 *   <li>Add one line to {@link RuleRegistry#builtIn()}.
 *   <li>Add fixtures under {@code src/test/resources/rules/<id>/}: {@code pass/infra/...} (the
 *       smallest infra-shaped tree where the property holds) and {@code fail/infra/...} with {@code
 *       fail/expected.txt} listing {@code path:line message} per finding. {@code RuleFixturesTest}
 *       runs them; {@code RuleCatalogTest} polices the catalog.
 *   <li>Regenerate docs/rules.md: {@code ./mvnw -q test -Dtest=RulesDocTest
 *       -Dalphintra.updateDocs=true}.
 * </ol>
 *
 * <p>Reading the view: {@code platform.terraform().resources("google_container_cluster")} gives
 * every resource of a type with its module, file and line, and {@code
 * platform.terraform().contexts(resource)} the evaluation contexts it is evaluated in (one per
 * environment that uses its module, or the module's defaults); {@code
 * platform.deployed().ofKind("Deployment")} gives the objects each environment deploys (rendered
 * overlays, and files no overlay includes) with their tree and the position of every field, {@code
 * platform.kubernetes()} the files as written (with the problems typing them found). Build findings
 * with {@link Finding#about} for an object's field (it finds the line that writes a rendered value)
 * or {@link Finding#of}, at the tightest line known.
 */
public interface Rule {

  RuleInfo info();

  /** The findings of this rule on the platform, in any order; empty when the property holds. */
  List<Finding> check(Platform platform);
}
