#!/usr/bin/env bash
# Opens Kiali, Grafana, Jaeger and Prometheus on 127.0.0.1 (`alphintra access all`); Ctrl-C closes them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/alphintra" access "${1:-all}"
