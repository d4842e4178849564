#!/usr/bin/env bash
# Installs one release binary after checking it twice: against the sha256 pinned in infra/versions.yaml,
# and against the checksum file its project publishes beside it (a pin that disagrees with upstream is
# an error too, so a wrong pin cannot hide). Nothing lands in DEST_DIR unless both match.
#
# usage: install-binary.sh NAME URL SHA256 CHECKSUMS_URL DEST_DIR
#   CHECKSUMS_URL is either a file holding just the hash (dl.k8s.io's *.sha256) or a sha256sum-style
#   list ("<hash>  <path>" per line), in which case the line whose path ends in the URL's file name counts.
set -euo pipefail

if [[ $# -ne 5 ]]; then
  echo "usage: $0 NAME URL SHA256 CHECKSUMS_URL DEST_DIR" >&2
  exit 2
fi
name="$1" url="$2" pinned="$3" checksums_url="$4" dest="$5"
if [[ ! "$pinned" =~ ^[0-9a-f]{64}$ ]]; then
  echo "install-binary: the pinned sha256 of $name is not 64 lowercase hex digits: '$pinned'" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
asset="${url##*/}"

curl --fail --silent --show-error --location --retry 3 --output "$work/$asset" "$url"
actual="$(sha256sum "$work/$asset" | awk '{print $1}')"
if [[ "$actual" != "$pinned" ]]; then
  echo "install-binary: $name from $url has sha256 $actual, infra/versions.yaml pins $pinned" >&2
  exit 1
fi

curl --fail --silent --show-error --location --retry 3 --output "$work/checksums" "$checksums_url"
upstream="$(awk -v asset="$asset" '
  NF == 1 && $1 ~ /^[0-9a-f]+$/ { print $1; exit }
  NF >= 2 { path = $2; sub(/^\*/, "", path); n = split(path, parts, "/"); if (parts[n] == asset) { print $1; exit } }
' "$work/checksums")"
if [[ -z "$upstream" ]]; then
  echo "install-binary: $checksums_url lists no checksum for $asset" >&2
  exit 1
fi
if [[ "$upstream" != "$pinned" ]]; then
  echo "install-binary: $checksums_url says $asset has sha256 $upstream, infra/versions.yaml pins $pinned" >&2
  exit 1
fi

mkdir -p "$dest"
install -m 0755 "$work/$asset" "$dest/$name"
echo "install-binary: $name installed to $dest/$name (sha256 $actual, matches the pin and $checksums_url)"
