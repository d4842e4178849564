#!/usr/bin/env bash
# Applies one environment with `alphintra cloud apply` and times it against PHASE-2.md's infrastructure
# provisioning target (under 15 minutes). Writes the timing in the same shape as scripts/e2e-local.sh's
# timings file and fails when the apply fails or the target is missed.
#
# usage: timed-apply.sh ENV
# environment: ALPHINTRA (the launcher, default ./alphintra), TIMINGS_FILE (default
# target/provisioning-timings-ENV.json), PROVISIONING_TARGET_SECONDS (default 900).
set -euo pipefail

if [[ $# -ne 1 || ! "$1" =~ ^(dev|staging|prod)$ ]]; then
  echo "usage: $0 dev|staging|prod" >&2
  exit 2
fi
env="$1"
cli="${ALPHINTRA:-./alphintra}"
timings="${TIMINGS_FILE:-target/provisioning-timings-$env.json}"
target="${PROVISIONING_TARGET_SECONDS:-900}"

args=(cloud apply --env "$env")
if [[ "$env" == prod ]]; then
  # The GitHub environment's required reviewers are the human confirmation for prod.
  args+=(--confirm prod)
fi

started="$(date +%s)"
status=0
"$cli" "${args[@]}" || status=$?
seconds=$(( $(date +%s) - started ))

met=false
if (( status == 0 && seconds < target )); then
  met=true
fi
mkdir -p "$(dirname "$timings")"
printf '{"phases":[{"name":"provisioning","environment":"%s","seconds":%d,"targetSeconds":%d,"met":%s,"exitCode":%d}],"allTargetsMet":%s}\n' \
  "$env" "$seconds" "$target" "$met" "$status" "$met" >"$timings"

echo "timed-apply: alphintra cloud apply --env $env exited $status after ${seconds}s (target: under ${target}s)"
if (( status != 0 )); then
  exit "$status"
fi
if [[ "$met" != true ]]; then
  echo "timed-apply: provisioning of $env took ${seconds}s, PHASE-2.md's target is under ${target}s" >&2
  exit 1
fi
