#!/usr/bin/env bash
# Installs (or checks) only the Istio layer on the local cluster: `alphintra up --only istio`.
# The cluster must exist: without it (no kube context k3d-alphintra) this exits 3 and says to run
# setup.sh (`alphintra up`) first. Arguments are passed through (for example --dry-run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/alphintra" up --only istio "$@"
