#!/usr/bin/env bash
# Creates the whole local environment (k3d cluster and registry, Istio, TLS, the platform, observability)
# with rollback on failure. A thin wrapper: the work is `alphintra up`; arguments are passed through
# (for example --dry-run or --keep-on-failure).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
exec "$root/alphintra" up "$@"
