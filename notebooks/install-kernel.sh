#!/usr/bin/env bash
# Registers gnn4j's thin Java kernel (notebooks/kernel, built by ./mvnw package) with Jupyter:
#   notebooks/install-kernel.sh DATA_DIR [NAME] [-- JVM_ARG...]
# writes DATA_DIR/kernels/NAME/kernel.json (NAME default gnn4j-java). DATA_DIR is a Jupyter data directory:
# ~/.local/share/jupyter for your user, or any folder you put on JUPYTER_PATH (run-all.sh uses a temporary one).
# The kernel runs the JDK 25 that ./mvnw finds, with gnn4j's JVM flags (.mvn/jvm-flags) and the JVM_ARGs, e.g.
# -Dmaven.repo.local=DIR (the repository %maven reads) and -Dgnn4j.kernel.offline=true (local repository only).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
if [ $# -lt 1 ]; then
  echo "usage: $0 DATA_DIR [NAME] [-- JVM_ARG...]" >&2
  exit 2
fi
data_dir=$1; shift
name=gnn4j-java
if [ $# -gt 0 ] && [ "$1" != "--" ]; then name=$1; shift; fi
if [ $# -gt 0 ]; then shift; fi   # the "--"
kernel_jar=$(ls "$root"/notebooks/kernel/target/gnn4j-jupyter-kernel-*.jar 2>/dev/null | head -1 || true)
if [ -z "$kernel_jar" ] || [ ! -d "$root/notebooks/kernel/target/lib" ]; then
  echo "the kernel is not built: run ./mvnw package -pl notebooks/kernel -am first" >&2
  exit 1
fi
mkdir -p "$data_dir/kernels/$name"
python3 - "$data_dir/kernels/$name/kernel.json" "$name" "$JAVA_HOME/bin/java" "$(cat "$root/.mvn/jvm-flags")" \
    "$kernel_jar:$root/notebooks/kernel/target/lib/*" "$@" <<'PY'
import json, sys
out, name, java, flags, classpath, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
argv = [java, *flags.split(), "-Djava.awt.headless=true", *extra, "-cp", classpath,
        "io.gnn4j.jupyter.NotebookKernelMain", "{connection_file}"]
spec = {"argv": argv, "display_name": "Java (gnn4j CI kernel)", "language": "java", "interrupt_mode": "message",
        "metadata": {"name": name}}
with open(out, "w") as f:
    json.dump(spec, f, indent=2)
PY
echo "installed kernel '$name' in $data_dir/kernels/$name"
