#!/usr/bin/env bash
# Checks that every action pinned as `uses: owner/repo[/path]@<sha> # vX.Y.Z` in the workflows is pinned
# to the commit its release tag points to today (a peeled annotated tag counts), so a pin and its
# comment cannot disagree and a moved or deleted tag shows up.
#
# usage: verify-action-pins.sh [WORKFLOW_DIR]     (default .github/workflows)
# environment: ACTION_PIN_REMOTE, a printf template for the repository URL (default
# https://github.com/%s.git), so the check can run against mirrors.
set -euo pipefail

dir="${1:-.github/workflows}"
remote_template="${ACTION_PIN_REMOTE:-https://github.com/%s.git}"
if [[ ! -d "$dir" ]]; then
  echo "verify-action-pins: no folder $dir" >&2
  exit 2
fi

pins="$(grep -hoE 'uses:[[:space:]]*[^[:space:]@]+@[0-9a-f]{40}[[:space:]]*#[[:space:]]*v[0-9][^[:space:]]*' \
  "$dir"/*.yml "$dir"/*.yaml 2>/dev/null | sed -E 's/uses:[[:space:]]*//; s/[[:space:]]*#[[:space:]]*/ /' | sort -u || true)"
if [[ -z "$pins" ]]; then
  echo "verify-action-pins: no pinned actions in $dir" >&2
  exit 2
fi

failed=0
while read -r reference tag; do
  action="${reference%@*}"
  sha="${reference#*@}"
  repository="$(cut -d/ -f1-2 <<<"$action")"
  # shellcheck disable=SC2059 # the template is the format by design
  url="$(printf "$remote_template" "$repository")"
  if ! refs="$(git ls-remote --tags "$url" "refs/tags/$tag" "refs/tags/$tag^{}" 2>&1)"; then
    echo "verify-action-pins: cannot list the tags of $url: $refs" >&2
    failed=1
    continue
  fi
  peeled="$(awk -v ref="refs/tags/$tag^{}" '$2 == ref {print $1}' <<<"$refs")"
  plain="$(awk -v ref="refs/tags/$tag" '$2 == ref {print $1}' <<<"$refs")"
  tagged="${peeled:-$plain}"
  if [[ -z "$tagged" ]]; then
    echo "verify-action-pins: $repository has no tag $tag (pinned $action@$sha)" >&2
    failed=1
  elif [[ "$tagged" != "$sha" ]]; then
    echo "verify-action-pins: $action is pinned to $sha, but $tag is $tagged" >&2
    failed=1
  else
    echo "verify-action-pins: $action $tag = $sha"
  fi
done <<<"$pins"
exit "$failed"
