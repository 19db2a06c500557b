#!/usr/bin/env bash
# NSD epoch time, gnn4j beside a PyTorch peer of the official code (issue #11, Performance): Diag-NSD on Wisconsin
# with the `nsd-diag-wisconsin` configuration, Geom-GCN split 0, EPOCHS epochs without early stopping, 1 and 2
# threads, ROUNDS alternating rounds (gnn4j then the peer, each in its own process under /usr/bin/time). Then
# benchmarks/nsd-epoch-report.py OUT prints the table: median training-step ms over the epochs after the first 20,
# per side and thread count (median over rounds), and each side's peak RSS.
#
# Usage (from the project root; Debian's python3-torch, no PyG needed):
#   benchmarks/nsd-epoch.sh [OUT_DIR] [ROUNDS] [EPOCHS]
# GNN4J=<command> replaces ./gnn4j (e.g. a frozen classpath); the peer is benchmarks/peers/nsd_epoch.py.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-results/nsd-epoch}
ROUNDS=${2:-3}
EPOCHS=${3:-200}
GNN4J=${GNN4J:-./gnn4j}
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "nsd-epoch: Debian's python3-torch is missing" >&2; exit 2; }
mkdir -p "$OUT"
$GNN4J --help > /dev/null   # builds gnn4j once, outside the timed runs

# timed NAME -- CMD...: runs CMD, keeps its log and its peak RSS (KiB) in OUT/NAME.{log,rss}
timed() {
  local name=$1; shift 2
  echo "== $(date +%T) $name (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  /usr/bin/time -f %M -o "$OUT/$name.rss" "$@" > "$OUT/$name.log" 2>&1 \
    || { echo "nsd-epoch: $name failed, see $OUT/$name.log" >&2; exit 1; }
}
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 2; do
    timed "gnn4j.t$threads.r$round" -- $GNN4J node --config nsd-diag-wisconsin --seeds 1 --epochs "$EPOCHS" \
      --patience 0 --threads "$threads" -q --no-plots -o "$OUT/gnn4j.t$threads.r$round"
    timed "peer.t$threads.r$round" -- /usr/bin/python3 benchmarks/peers/nsd_epoch.py --threads "$threads" \
      --epochs "$EPOCHS" --out "$OUT/peer.t$threads.r$round.json"
  done
done
/usr/bin/python3 benchmarks/nsd-epoch-report.py "$OUT" | tee "$OUT/table.md"
