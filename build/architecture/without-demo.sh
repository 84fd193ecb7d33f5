#!/usr/bin/env bash
# Proves the platform does not need the demo (docs/testing.md, "Platform tests"):
# clones the current commit into a temporary folder, deletes src/components/demo
# and every migration that names a demo table ("Demo…"), then runs build, lint
# and typecheck there, and with --test the whole suite (a few minutes).
#
#   build/architecture/without-demo.sh [--test]
#
# Only committed work is checked: the clone is of HEAD. The clone is kept and
# its path printed, to look into a failure; delete it afterwards.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
dir=$(mktemp -d "${TMPDIR:-/tmp}/without-demo-XXXXXX")
# mktemp makes it 0700; run as root, the embedded PostgreSQL runs as another user, which must reach its binaries.
chmod 755 "$dir"
git clone -q "$root" "$dir"
git -C "$dir" checkout -q "$(git -C "$root" rev-parse HEAD)"
cp -a "$root/node_modules" "$dir/"
cd "$dir"

mapfile -t migrations < <(grep -l '"Demo' prisma/migrations/*/migration.sql | xargs -n1 dirname)
for migration in "${migrations[@]}"; do
  # A migration that also changes another component's tables cannot go whole: say so instead of guessing.
  if grep -E '^(CREATE|ALTER|DROP) (TABLE|TYPE|INDEX)' "$migration/migration.sql" | grep -v '"Demo' | grep -q .; then
    echo "without-demo: $migration changes tables of other components too; split it in the repository, one migration per component (docs/troubleshooting.md)" >&2
    exit 1
  fi
done
git rm -rq src/components/demo "${migrations[@]}"
echo "without-demo: deleted src/components/demo ${migrations[*]} in $dir"

npm run build --silent
npm run lint --silent
npm run typecheck --silent
if [ "${1:-}" = --test ]; then JEST_WORKERS="${JEST_WORKERS:-2}" npx jest; fi
echo "without-demo: green without the demo ($dir)"
