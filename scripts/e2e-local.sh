#!/usr/bin/env bash
# The real end-to-end test of the local environment, for a machine with Docker and k3d: up, status, one
# HTTPS request through the ingress gateway, the sample service's dev loop (dev deploy all), the deep status
# check through the mesh (status --deep), a port-forward per add-on, down. Prints each duration.
# Exits 3 when no Docker daemon is reachable, 1 when a stage fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/alphintra"

if ! docker info >/dev/null 2>&1; then
  echo "e2e-local: no Docker daemon reachable ('docker info' failed); this test needs Docker and k3d." >&2
  echo "hint: start Docker (sudo systemctl start docker, or Docker Desktop), then run $0 again" >&2
  exit 3
fi

stage() {
  local name="$1"
  shift
  local started
  started="$(date +%s)"
  if "$@"; then
    echo "e2e-local: $name ok in $(( $(date +%s) - started ))s"
  else
    echo "e2e-local: $name FAILED after $(( $(date +%s) - started ))s" >&2
    exit 1
  fi
}

through_gateway() {
  curl --silent --show-error --output /dev/null --write-out '%{http_code}\n' \
    --cacert "$root/.alphintra/tls/ca.crt" \
    --resolve api.alphintra.localhost:443:127.0.0.1 https://api.alphintra.localhost/
}

addon() {
  local name="$1" port="$2" log
  log="$(mktemp)"
  "$cli" access "$name" --for PT20S >"$log" 2>&1 &
  local pid=$!
  local url=""
  for _ in $(seq 1 40); do
    url="$(awk -v n="$name" '$1 == n {print $2}' "$log")"
    [[ -n "$url" ]] && break
    sleep 0.5
  done
  [[ -n "$url" ]] || { cat "$log" >&2; kill "$pid" 2>/dev/null || true; return 1; }
  curl --silent --show-error --output /dev/null --max-time 10 "$url"
  local result=$?
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
  echo "e2e-local: $name answered at $url (usual port $port)"
  return "$result"
}

stage "up" "$cli" up
stage "status" "$cli" status
stage "https through the gateway" through_gateway
stage "dev deploy all" "$cli" dev deploy all
stage "status --deep" "$cli" status --deep
stage "access kiali" addon kiali 20001
stage "access grafana" addon grafana 3000
stage "access jaeger" addon jaeger 16686
stage "access prometheus" addon prometheus 9090
stage "down" "$cli" down
