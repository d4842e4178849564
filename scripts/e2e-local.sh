#!/usr/bin/env bash
# The real end-to-end test of the local environment, for a machine with Docker and k3d. It proves what the
# README promises: up (twice: the second changes nothing), status, an HTTPS request through the ingress
# gateway that must succeed (curl --fail: a 503 fails), each dashboard through access, dev deploy, the deep
# check through the mesh (status --deep), and a PostgreSQL row written before down that is read back after
# the next up. Each PHASE-2 target is timed (cluster startup < 5 min, service deployment < 2 min, local
# development cycle < 30 s) and written as JSON to ${E2E_TIMINGS_FILE:-target/e2e-timings.json}.
# Exits 0 when everything worked and every target was met, 1 when a stage failed or a target was missed,
# 2 when a cluster named alphintra already exists (it would be deleted), 3 when Docker, k3d, kubectl, curl
# or jq is missing. The cluster and its data (a temporary ALPHINTRA_DATA_DIR) are removed on exit; with
# E2E_KEEP_ON_FAILURE=true a failed run leaves them for diagnostics (a CI job then removes them itself).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/alphintra"
timings="${E2E_TIMINGS_FILE:-$root/target/e2e-timings.json}"
context="k3d-alphintra"

missing() {
  echo "e2e-local: $1" >&2
  echo "hint: $2" >&2
  exit 3
}
if ! docker info >/dev/null 2>&1; then
  missing "no Docker daemon reachable ('docker info' failed); this test needs Docker and k3d" \
    "start Docker (sudo systemctl start docker, or Docker Desktop), then run $0 again"
fi
for tool in k3d kubectl curl jq; do
  command -v "$tool" >/dev/null 2>&1 ||
    missing "$tool is not installed; this test needs it" "'$cli doctor' says how to install k3d and kubectl; curl and jq come with every package manager"
done
if k3d cluster list alphintra >/dev/null 2>&1; then
  echo "e2e-local: a k3d cluster 'alphintra' exists; this test creates and deletes its own" >&2
  echo "hint: keep your data with '$cli down' (the data folder stays), then run $0 again" >&2
  exit 2
fi

# Its own data folder, so the test never touches a person's data.
ALPHINTRA_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/alphintra-e2e.XXXXXX")"
export ALPHINTRA_DATA_DIR
marker="$root/services/sample-service/src/main/resources/e2e-marker.txt"
logs="$(mktemp -d "${TMPDIR:-/tmp}/alphintra-e2e-logs.XXXXXX")"
created=false

cleanup() {
  local status=$?
  rm -f "$marker"
  if [[ "$created" == true && "$status" -ne 0 && "${E2E_KEEP_ON_FAILURE:-false}" == true ]]; then
    echo "e2e-local: kept the cluster and $ALPHINTRA_DATA_DIR for diagnostics (E2E_KEEP_ON_FAILURE)"
  elif [[ "$created" == true ]]; then
    echo "e2e-local: cleaning up (down --purge)"
    # Files the containers wrote may belong to other users; the folder is temporary either way.
    "$cli" down --purge >/dev/null 2>&1 ||
      echo "e2e-local: could not delete $ALPHINTRA_DATA_DIR (container-owned files): sudo rm -rf $ALPHINTRA_DATA_DIR" >&2
  fi
  echo "e2e-local: logs in $logs"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stage() {
  local name="$1"
  shift
  local started
  started="$(date +%s)"
  if "$@"; then
    echo "e2e-local: $name ok in $(($(date +%s) - started))s"
  else
    echo "e2e-local: $name FAILED after $(($(date +%s) - started))s (logs in $logs)" >&2
    exit 1
  fi
}

# up with --output json: the steps' durations are the measurements.
up_json() {
  created=true
  "$cli" up --output json >"$logs/$1.json" 2>"$logs/$1.err"
}

step_seconds() {
  jq --argjson names "$2" \
    '[.steps[] | select(.name as $n | $names | index($n)) | (.durationMillis // 0)] | (add // 0) / 1000' "$1"
}

second_up_changes_nothing() {
  "$cli" up >"$logs/up-2.txt" 2>&1 && grep -q "Nothing changed" "$logs/up-2.txt"
}

# The gateway's host port as the tool reads it from the k3d config.
ingress="$("$cli" up --dry-run | sed -n "s/.*the gateway's 443 is probed on \([0-9.]*:[0-9]*\).*/\1/p" | head -n 1)"
through_gateway() {
  curl --fail --silent --show-error --output /dev/null --max-time 10 \
    --cacert "$root/.alphintra/tls/ca.crt" \
    --resolve "api.alphintra.localhost:${ingress##*:}:${ingress%:*}" \
    "https://api.alphintra.localhost:${ingress##*:}/healthz"
}

addon() {
  local name="$1" log url=""
  log="$logs/access-$name.txt"
  "$cli" access "$name" --for PT20S >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 40); do
    url="$(awk -v n="$name" '$1 == n {print $2}' "$log")"
    [[ -n "$url" ]] && break
    sleep 0.5
  done
  local result=1
  if [[ -n "$url" ]]; then
    curl --fail --silent --show-error --output /dev/null --max-time 10 "$url" && result=0
  fi
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ "$result" -eq 0 ]] && echo "e2e-local: $name answered at $url"
  return "$result"
}

psql_in_cluster() {
  # shellcheck disable=SC2016 # $POSTGRES_USER and $1 expand inside the container's shell
  kubectl --context "$context" -n alphintra-data exec postgres-0 -c postgres -- \
    sh -c 'psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -tA -c "$1"' psql "$1"
}

token="e2e-$(date +%s)-$$"
write_row() {
  psql_in_cluster "CREATE TABLE IF NOT EXISTS e2e_persistence (token text primary key); INSERT INTO e2e_persistence VALUES ('$token');"
}
read_row() {
  [[ "$(psql_in_cluster "SELECT count(*) FROM e2e_persistence WHERE token = '$token';")" == "1" ]]
}

dev_cycle() {
  # A new resource gives the image a new digest, so the rollout really happens.
  mkdir -p "$(dirname "$marker")"
  echo "$token" >"$marker"
  "$cli" dev deploy trading-engine --output json >"$logs/dev-deploy.json" 2>"$logs/dev-deploy.err"
}

stage "up" up_json up-1
stage "up again changes nothing" second_up_changes_nothing
stage "status" "$cli" status
stage "https through the gateway on $ingress (curl --fail)" through_gateway
stage "access kiali" addon kiali
stage "access grafana" addon grafana
stage "access jaeger" addon jaeger
stage "access prometheus" addon prometheus
stage "dev deploy trading-engine" dev_cycle
stage "status --deep" "$cli" status --deep
stage "write a PostgreSQL row" write_row
stage "down" "$cli" down
stage "up after down" up_json up-3
stage "the PostgreSQL row survived down and up" read_row

cluster="$(step_seconds "$logs/up-1.json" '["prerequisites","cluster"]')"
deploy="$(step_seconds "$logs/up-1.json" '["images","platform"]')"
cycle="$(jq '.totalSeconds' "$logs/dev-deploy.json")"
mkdir -p "$(dirname "$timings")"
jq -n --argjson cluster "$cluster" --argjson deploy "$deploy" --argjson cycle "$cycle" '
  [{name: "cluster", seconds: $cluster, targetSeconds: 300},
   {name: "deploy", seconds: $deploy, targetSeconds: 120},
   {name: "dev-cycle", seconds: $cycle, targetSeconds: 30}]
  | map(. + {met: (.seconds < .targetSeconds)})
  | {phases: ., allTargetsMet: all(.[]; .met)}' >"$timings"
jq -r '.phases[] | "e2e-local: \(.name) \(.seconds)s (target < \(.targetSeconds)s): \(if .met then "met" else "MISSED" end)"' "$timings"
echo "e2e-local: timings in $timings"
if [[ "$(jq '.allTargetsMet' "$timings")" != "true" ]]; then
  echo "e2e-local: a PHASE-2 target was missed" >&2
  exit 1
fi
echo "e2e-local: all stages passed and every target was met"
