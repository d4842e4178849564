// The Terraform plan summary of one environment as a pull-request comment. The input is the JSON that
// `alphintra cloud plan --output json` prints (addresses and counts, never values), so the comment
// carries nothing secret. One comment per environment, found again by its marker and updated in place.
//
// In a workflow (actions/github-script):
//   await require('./.github/scripts/plan-comment.cjs').upsert({github, context, environment, file, runUrl})
// By hand or in a test:  node plan-comment.cjs ENV PLAN_JSON_FILE [RUN_URL]   prints the Markdown.
"use strict";

const fs = require("node:fs");

const SYMBOLS = { create: "+", update: "~", delete: "-", read: "<=", "no-op": " " };

function marker(environment) {
  return `<!-- alphintra-plan:${environment} -->`;
}

function symbol(actions) {
  if (actions.includes("delete") && actions.includes("create")) {
    return "-/+";
  }
  return actions.map((action) => SYMBOLS[action] ?? action).join("");
}

/** The comment's Markdown for one environment; a missing or unreadable plan says the plan failed. */
function markdown(environment, planText, runUrl) {
  const head = `${marker(environment)}\n### Terraform plan: \`${environment}\`\n\n`;
  const log = runUrl ? ` See [the job log](${runUrl}).` : "";
  let plan;
  try {
    plan = JSON.parse(planText);
  } catch (error) {
    return `${head}:x: The plan did not finish, so there is no summary.${log}\n`;
  }
  if (typeof plan !== "object" || plan === null || !Array.isArray(plan.changes)) {
    return `${head}:x: The plan output is not an \`alphintra cloud plan\` summary.${log}\n`;
  }
  const lines = [
    head.trimEnd() + "\n",
    `**${plan.add} to add, ${plan.change} to change, ${plan.destroy} to destroy**` +
      (plan.read > 0 ? ` (${plan.read} data sources read)` : "") +
      "\n",
  ];
  const changes = plan.changes.filter((c) => !(c.actions.length === 1 && c.actions[0] === "read"));
  if (changes.length > 0) {
    lines.push("```diff");
    for (const change of changes) {
      const mark = symbol(change.actions);
      const prefix = mark.startsWith("-") ? "-" : mark.startsWith("+") ? "+" : "!";
      lines.push(`${prefix} ${mark.padEnd(3)} ${change.address}`);
    }
    lines.push("```");
  }
  if (plan.acceptedFindingsReason) {
    lines.push(
      `\n:warning: Check findings at HIGH or above were accepted: "${plan.acceptedFindingsReason}".`,
    );
  }
  if (plan.destroy > 0) {
    lines.push(`\n:warning: This plan destroys ${plan.destroy} resource(s).`);
  }
  const approval = environment === "prod" ? ", once a reviewer approves the `prod` environment" : "";
  lines.push(`\nApplied from \`main\` after merge${approval}.${log}`);
  return lines.join("\n") + "\n";
}

/** Creates or updates this environment's plan comment on the pull request. */
async function upsert({ github, context, environment, file, runUrl }) {
  const planText = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const body = markdown(environment, planText, runUrl);
  const issue = { owner: context.repo.owner, repo: context.repo.repo, issue_number: context.issue.number };
  const comments = await github.paginate(github.rest.issues.listComments, issue);
  const mine = comments.find(
    (comment) => comment.user?.type === "Bot" && comment.body?.includes(marker(environment)),
  );
  if (mine) {
    await github.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: mine.id, body });
  } else {
    await github.rest.issues.createComment({ ...issue, body });
  }
  return body;
}

module.exports = { markdown, upsert };

if (require.main === module) {
  const [environment, file, runUrl] = process.argv.slice(2);
  if (!environment || !file) {
    process.stderr.write("usage: node plan-comment.cjs ENV PLAN_JSON_FILE [RUN_URL]\n");
    process.exit(2);
  }
  const planText = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  process.stdout.write(markdown(environment, planText, runUrl));
}
