#!/usr/bin/env bash
# Side-by-side comparison of gnn4j with PyTorch Geometric on this machine: the workloads of issue #17, each run as
# PyG peer then gnn4j (one process each), for ROUNDS alternating rounds, then one table of median ms, the ratio
# gnn4j/PyG and the peak RSS of each side (the largest process of the run, from /usr/bin/time).
#
# Usage (from the project root, with the PyG set-up of ../shared/peers/pyg/README.md):
#   PYG_SRC=<PyG 2.4.0 source tree> benchmarks/compare-pyg.sh [OUT_DIR] [ROUNDS]
#   /usr/bin/python3 benchmarks/compare-pyg-report.py OUT_DIR      # the table again, from the saved runs
# Environment: WORKLOADS="gcn sage gin gat appnp graph cora spmm fastrp" to run a subset; PEERS=<dir> for the PyG
# scripts (default ../shared/peers/pyg). Takes about 15 minutes per round on a quiet 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-results/compare-pyg}
ROUNDS=${2:-2}
PEERS=${PEERS:-../shared/peers/pyg}
WORKLOADS=${WORKLOADS:-gcn sage gin gat appnp graph cora spmm fastrp}
: "${PYG_SRC:?set PYG_SRC to a PyG 2.4.0 source tree (see ../shared/peers/pyg/README.md)}"
[ -f "$PEERS/bench_fullbatch.py" ] || { echo "compare-pyg: no PyG peer scripts in $PEERS" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "compare-pyg: Debian's python3-torch is missing" >&2; exit 2; }
TCMALLOC=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
[ -f "$TCMALLOC" ] || { echo "compare-pyg: $TCMALLOC is missing (apt-get install libtcmalloc-minimal4)" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
PEERS=$(cd "$PEERS" && pwd)
./jmh -l > /dev/null   # builds the benchmarks once, outside the timed runs

# timed NAME SIDE ROUND -- CMD...: runs CMD, keeps its log and "<peak RSS KiB>" in OUT/NAME.SIDE.rROUND.{log,rss}
timed() {
  local name=$1 side=$2 round=$3; shift 4
  echo "== $(date +%T) round $round $side $name (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  /usr/bin/time -f %M -o "$OUT/$name.$side.r$round.rss" "$@" > "$OUT/$name.$side.r$round.log" 2>&1 \
    || { echo "compare-pyg: $side $name failed, see $OUT/$name.$side.r$round.log" >&2; exit 1; }
}
pyg() { # pyg NAME ROUND THREADS SCRIPT ARGS...: the PyG peer, its JSON in OUT/pyg-rROUND
  local name=$1 round=$2 threads=$3; shift 3
  timed "$name" pyg "$round" -- env PYTHONPATH="$PYG_SRC" LD_PRELOAD="$TCMALLOC" \
    TCMALLOC_LARGE_ALLOC_REPORT_THRESHOLD=68719476736 ANCHOR_THREADS="$threads" ANCHOR_OUT="$OUT/pyg-r$round" \
    /usr/bin/python3 "$PEERS/$1" "${@:2}"
}
jmh() { # jmh NAME ROUND JMH-ARGS...: one gnn4j JMH run, its JSON in OUT/NAME.gnn4j.rROUND.json
  local name=$1 round=$2; shift 2
  timed "$name" gnn4j "$round" -- ./jmh "$@" -f 1 -rf json -rff "$OUT/$name.gnn4j.r$round.json"
}
STEP="-wi 1 -w 5 -i 1 -r 10"
for round in $(seq 1 "$ROUNDS"); do
  for w in $WORKLOADS; do
    case $w in
      gcn|sage|gin|gat|appnp)
        pyg "$w" "$round" 2 bench_fullbatch.py --model "$w" --reps 5 --warmup 1
        jmh "$w" "$round" TrainingStepBenchmark -p model="$w" -p threads=2 $STEP ;;
      graph)
        pyg graph "$round" 1 bench_gin_graph.py --reps 50 --warmup 5
        jmh graph "$round" 'GraphClassificationStepBenchmark.step' -p threads=1 -wi 2 -w 3 -i 3 -r 5 ;;
      cora)
        pyg cora "$round" 1 bench_cora.py --seeds 5
        timed cora gnn4j "$round" -- ./gnn4j node --dataset cora --model gcn --seeds 5 --threads 1 --sparse-features \
          -q --no-plots -o "$OUT/cora.gnn4j.r$round" ;;
      spmm)
        pyg spmm "$round" 2 bench_spmm.py --variant torch_csr --reps 10 --warmup 2
        jmh spmm "$round" 'SpmmBenchmark|StreamTriadBenchmark' -p threads=2 -p kernels=vector ;;
      fastrp)   # GDS is not runnable here: the table holds gnn4j against the anchors' GDS figure and SciPy
        pyg fastrp "$round" 1 bench_fastrp.py --dim 256 --reps 5 --warmup 1
        jmh fastrp "$round" 'FastRPBenchmark.anchorGraph' -p config=gds -p dim=256 -p weights=0_1_1 -p threads=1 ;;
      *) echo "compare-pyg: unknown workload $w" >&2; exit 2 ;;
    esac
  done
done
/usr/bin/python3 benchmarks/compare-pyg-report.py "$OUT" | tee "$OUT/table.md"
