#!/usr/bin/env bash
# Installs (or checks) only the Istio layer on the local cluster: `alphintra up --only istio`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/alphintra" up --only istio "$@"
