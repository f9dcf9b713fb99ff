#!/usr/bin/env bash
# Mutation testing of src/model, src/scenario and src/analysis, one folder after the other,
# then the score of each (at least 80% each, or this fails). Pass folder names to run only some:
#   npm run mutation                 all three
#   npm run mutation -- scenario     one
# Stryker's incremental files (test/mutation/*.incremental.json) let a rerun test only the
# mutants whose code or tests changed; delete them to start from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=(model scenario analysis)
# Stryker reruns a mutant when its file or the tests that cover it change, not when code they
# call from elsewhere changes (the engine, random streams, test helpers and fixtures): say so, and let
# MUTATION_FORCE=1 rerun every mutant.
force=()
[ "${MUTATION_FORCE:-0}" = 1 ] && force=(--force)
for folder in "${folders[@]}"; do
  echo "== mutation testing src/$folder"
  incremental="test/mutation/$folder.incremental.json"
  if [ ${#force[@]} -eq 0 ] && [ -f "$incremental" ] && git rev-parse --git-dir >/dev/null 2>&1; then
    since=$(git log -1 --format=%H -- "$incremental" || true)
    if [ -n "$since" ]; then
      # awk, not head: head would close the pipe early and, under pipefail, stop the script
      changed=$(git diff --name-only "$since" -- src/{engine,random,statistics,scenario,model,metrics,experiment} \
        test ':!src/'"$folder" ':!test/**/*.test.ts' ':!test/mutation' | awk 'NR <= 5')
      if [ -n "$changed" ]; then
        echo "note: changed since $incremental was last committed, outside src/$folder (the incremental run does not retest for these):"
        echo "$changed" | sed 's/^/  /'
        echo "  MUTATION_FORCE=1 npm run mutation -- $folder reruns every mutant"
      fi
    fi
  fi
  MUTATION_FOLDER="$folder" npx stryker run "${force[@]}"
done
reports=()
for folder in "${folders[@]}"; do reports+=("reports/mutation/$folder.json"); done
npx tsx scripts/mutation-score.ts "${reports[@]}"
