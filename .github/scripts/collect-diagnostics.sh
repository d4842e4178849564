#!/usr/bin/env bash
# Collects what explains a failed local end-to-end run into DIR: cluster events, pods, every pod's logs
# (current and previous container) and `alphintra status --output json`. Never fails: each probe that
# cannot run (no cluster left, no kubectl) writes its error into DIR instead.
#
# usage: collect-diagnostics.sh DIR [KUBE_CONTEXT]
set -uo pipefail

dir="${1:?usage: $0 DIR [KUBE_CONTEXT]}"
context="${2:-k3d-alphintra}"
cli="${ALPHINTRA:-./alphintra}"
mkdir -p "$dir/logs"

kube() {
  kubectl --context "$context" --request-timeout=30s "$@"
}

kube get events --all-namespaces --sort-by=.lastTimestamp -o wide >"$dir/events.txt" 2>&1
kube get pods --all-namespaces -o wide >"$dir/pods.txt" 2>&1
kube get nodes -o wide >"$dir/nodes.txt" 2>&1

kube get pods --all-namespaces -o jsonpath='{range .items[*]}{.metadata.namespace}{" "}{.metadata.name}{"\n"}{end}' 2>/dev/null |
  while read -r namespace pod; do
    [[ -n "$pod" ]] || continue
    kube logs --namespace "$namespace" "$pod" --all-containers --prefix --tail=2000 \
      >"$dir/logs/$namespace.$pod.log" 2>&1
    kube logs --namespace "$namespace" "$pod" --all-containers --prefix --previous --tail=2000 \
      >"$dir/logs/$namespace.$pod.previous.log" 2>&1 || rm -f "$dir/logs/$namespace.$pod.previous.log"
  done

"$cli" status --output json >"$dir/status.json" 2>"$dir/status.stderr.txt"
echo "collect-diagnostics: wrote $(find "$dir" -type f | wc -l) files to $dir"
exit 0
