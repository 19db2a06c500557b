#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless on gnn4j's thin Java kernel and fails on the first failing cell.
#   notebooks/run-all.sh            executes into a temporary folder (CI; the committed notebooks stay untouched)
#   notebooks/run-all.sh --update   writes the executed notebooks (with their outputs) back into notebooks/
# Needs Jupyter (Debian: jupyter-core jupyter-client jupyter-nbconvert python3-nbclient python3-ipykernel; .ci/run
# installs them). Builds and installs gnn4j (./mvnw install, honouring MAVEN_ARGS) so that the notebooks'
# "%maven io.gnn4j:gnn4j-notebook:…" finds gnn4j in the local Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
update=false
if [ "${1:-}" = "--update" ]; then update=true; fi

./mvnw -q -B install -DskipTests -pl notebooks,notebooks/kernel -am

# %maven reads the local repository this build used (MAVEN_ARGS' -Dmaven.repo.local, else the user's) and, for anything
# missing there, Maven Central; offline (-o/--offline in MAVEN_ARGS) it reads the local repository only.
jvm_args=()
if [[ " ${MAVEN_ARGS:-} " =~ [[:space:]]-Dmaven\.repo\.local=([^[:space:]]+) ]]; then
  jvm_args+=("-Dmaven.repo.local=${BASH_REMATCH[1]}")
fi
if [[ " ${MAVEN_ARGS:-} " =~ [[:space:]](-o|--offline)[[:space:]] ]]; then
  jvm_args+=(-Dgnn4j.kernel.offline=true)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Registered as "java", the name JJava's kernel has and the notebooks' metadata names; JUPYTER_PATH puts it first.
notebooks/install-kernel.sh "$work/jupyter" java -- ${jvm_args[@]+"${jvm_args[@]}"} >/dev/null
export JUPYTER_PATH="$work/jupyter"

target=(--output-dir "$work/out")
if $update; then target=(--inplace); fi
# A notebook whose metadata says gnn4j.needs_shared_datasets reads ../shared/datasets (or GNN4J_SHARED_DATASETS):
# without it, it is skipped with a message, except under CI=true, where the missing data is an error.
shared_present=false
if [ -n "${GNN4J_SHARED_DATASETS:-}" ] || [ -d ../shared/datasets ]; then shared_present=true; fi
for nb in notebooks/*.ipynb; do
  needs_shared=$(python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["metadata"].get("gnn4j", {}).get("needs_shared_datasets", False))' "$nb")
  if [ "$needs_shared" = True ] && ! $shared_present && [ "${CI:-}" != true ]; then
    echo "notebooks: skipped $(basename "$nb"): it needs ../shared/datasets beside the checkout (absent)"
    continue
  fi
  start=$(date +%s)
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 "${target[@]}" --log-level=WARN "$nb"
  echo "notebooks: $(basename "$nb") ran in $(( $(date +%s) - start )) s"
done
