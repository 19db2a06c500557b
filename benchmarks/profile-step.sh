#!/bin/sh
# Where a training step's CPU time goes, per operation: runs one JMH benchmark, attaches Linux perf to the forked
# JVM once its warm-up is over (so setup, JIT warm-up and the interpreter are not counted), samples every thread of
# it (gnn4j's pool, OpenBLAS's threads, the GC) during the measurement iterations, and prints the CPU time per step
# by operation (benchmarks/profile-report.py says how samples are assigned).
#
#   benchmarks/profile-step.sh [OUT_DIR] [JMH options...]
#   e.g. benchmarks/profile-step.sh results/profile-gcn TrainingStepBenchmark -p model=gcn -p threads=2
#
# Needs `perf` (Debian package linux-perf) with perf_event_paranoid <= 2 (sampling one's own processes).
set -eu
cd "$(dirname "$0")/.."
OUT=${1:?usage: benchmarks/profile-step.sh OUT_DIR JMH_OPTIONS...}
shift
command -v perf >/dev/null || { echo "profile-step: perf not found (apt-get install linux-perf)" >&2; exit 2; }
mkdir -p "$OUT"
WARMUP=${WARMUP:-3}
ITERS=${ITERS:-5}
SECONDS_PER_ITER=${SECONDS_PER_ITER:-5}
./jmh "$@" -f 1 -wi "$WARMUP" -w "$SECONDS_PER_ITER" -i "$ITERS" -r "$SECONDS_PER_ITER" \
    -jvmArgsAppend "-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" \
    > "$OUT/jmh.txt" 2>&1 &
JMH=$!
# The measurement starts at the first "Iteration   1:" line; the forked JVM is the one running ForkedMain.
while ! grep -q '^Iteration   1:' "$OUT/jmh.txt" 2>/dev/null; do
  kill -0 "$JMH" 2>/dev/null || { cat "$OUT/jmh.txt" >&2; echo "profile-step: JMH ended before measuring" >&2; exit 1; }
  sleep 0.5
done
PID=$(pgrep -f 'org.openjdk.jmh.runner.ForkedMain' | head -1)
perf record -e cpu-clock -F 499 -g -p "$PID" -o "$OUT/perf.data" 2> "$OUT/perf.log" &
PERF=$!
wait "$JMH"
kill -INT "$PERF" 2>/dev/null || true
wait "$PERF" 2>/dev/null || true
perf script -i "$OUT/perf.data" -F comm,tid,ip,sym,dso > "$OUT/perf.txt" 2>/dev/null
grep -E '^[A-Za-z]+Benchmark\.[a-zA-Z]+ ' "$OUT/jmh.txt" | head -5
python3 benchmarks/profile-report.py "$OUT/perf.txt" "$OUT/jmh.txt" | tee "$OUT/budget.md"
