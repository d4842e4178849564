#!/usr/bin/env bash
# Opens Kiali, Grafana, Jaeger and Prometheus on 127.0.0.1 (`alphintra access all`); Ctrl-C closes them.
# Arguments are passed through (for example `kiali`, or `grafana --context NAME`); none means all.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
if [[ $# -eq 0 ]]; then
  set -- all
fi
exec "$root/alphintra" access "$@"
