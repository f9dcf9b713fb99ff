#!/usr/bin/env bash
# Executes every notebook headlessly, in place, with the tslab kernel installed locally (no
# global install). Jupyter comes from Debian: jupyter-nbconvert python3-ipykernel jupyter-client.
# Usage: npm run notebooks [-- notebooks/01-quickstart.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")/.."

python=/usr/bin/python3
if ! "$python" -c 'import nbconvert, ipykernel' 2>/dev/null; then
  echo "Jupyter is missing: apt-get install jupyter-nbconvert python3-ipykernel jupyter-client (.ci/run does it)" >&2
  exit 2
fi

# the kernel, in .jupyter/ of this project: --binary so kernel.json runs this project's tslab
node node_modules/.bin/tslab install --python="$python" --binary="$PWD/node_modules/.bin/tslab" --prefix="$PWD/.jupyter" >/dev/null
export JUPYTER_PATH="$PWD/.jupyter/share/jupyter"

# notebooks import the built library (dist/src/index.js)
npm run build --silent

notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/*.ipynb)
for notebook in "${notebooks[@]}"; do
  echo "== $notebook"
  "$python" -m nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=900 \
    --ExecutePreprocessor.record_timing=False "$notebook"
  "$python" scripts/clean-notebook.py "$notebook"
done
