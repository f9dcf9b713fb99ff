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
for folder in "${folders[@]}"; do
  echo "== mutation testing src/$folder"
  MUTATION_FOLDER="$folder" npx stryker run
done
reports=()
for folder in "${folders[@]}"; do reports+=("reports/mutation/$folder.json"); done
npx tsx scripts/mutation-score.ts "${reports[@]}"
