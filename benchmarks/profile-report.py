#!/usr/bin/env python3
"""CPU time per step by operation, from `perf script -F comm,tid,ip,sym,dso` output and the JMH log.

Usage: profile-report.py PERF_TXT JMH_TXT  (benchmarks/profile-step.sh runs both).

Each sample is one thread's call stack at a 499 Hz CPU-clock tick. It is charged to the innermost frame that names a
gnn4j operation (walking from the leaf up), so a page fault or a BLAS kernel is charged to the operation that
caused it; time spent waiting for other threads (yielding, futex waits) is its own row, and allocation and gradient zeroing (the buffer pool, ND4J's allocator, Tape.gradient) are their own row,
as are OpenBLAS's threads (GEMM), the garbage collector and the JIT compiler. CPU ms per step = the samples'
CPU time divided by the number of steps JMH measured in that window.
"""
import re
import sys
from collections import Counter

# (category, substrings of a frame's symbol or library), checked frame by frame from the leaf up. Class names have no
# trailing dot where a pool worker's stack shows the operation only as a lambda (e.g. "ActivationOps$$Lambda").
RULES = [
    ("synchronisation (waiting for workers, spinning)", ["__sched_yield", "futex", "pthread_cond", "LockSupport.park",
                                                         ".ForkJoinPool.awaitWork", "Thread.onSpinWait"]),
    ("allocation & gradient zeroing", [".BufferPool.", "allocateDataBuffer", ".Tape.gradient(", ".Tape.output(",
                                       "Nd4j.create"]),
    ("GEMM (OpenBLAS)", ["libopenblas", "cblas_sgemm", ".Gemm."]),
    # before the sparse products: these kernels live beside them in graph-core's SparseOps
    ("segment ops (edge softmax, u_add_v, scatter, pooling)", [".SegmentOps", "Kernels.edgeSoftmax",
                                                              "Kernels.addSegmentSums"]),
    ("sparse products (SpMM, SDDMM, weighted SpMM)", [".SparseMatrixOps", ".EdgeKernels", "Kernels.spmm",
                                                     ".SparseOps", ".PanamaKernels.", ".ScalarKernels.",
                                                     ".VectorKernels."]),
    ("activations", [".ActivationOps", "ElementwiseKernels.leakyRelu", "ElementwiseKernels.relu"]),
    ("dropout", [".DropoutOps", "ElementwiseKernels.bernoulli", ".AttentionOps.dropInTargetOrder"]),
    ("loss", [".LossOps"]),
    ("optimizer (Adam)", [".Adam.", ".Optimizer.", ".Sgd."]),
    ("normalisation", [".NormalizationOps"]),
    ("reductions", [".ReductionOps"]),
    ("copies and reshapes", [".ShapeOps", ".Nd4jViews"]),
    # the remaining elementwise kernels (bias rows, column sums, batch-norm loops) and the tape's parallel loops
    ("elementwise, bias, scaling (DenseOps)", [".DenseOps", "ElementwiseKernels.", ".ParallelLoops"]),
]
THREAD_RULES = [("garbage collector", ("GC Thread", "G1 ")), ("JIT compiler (excluded)", ("C1 Compiler", "C2 Compiler")),
                ("JVM (VM thread, other)", ("VM Thread", "VM Periodic", "Monitor Deflati", "Service Thread"))]
EXCLUDED = {"JIT compiler (excluded)"}


def samples(path):
    comm, frames = None, []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if comm is not None:
                    yield comm, frames
                comm, frames = None, []
            elif not line[0].isspace():
                comm = line.rsplit(None, 1)[0].strip() if line.split()[-1].isdigit() else line.strip()
            else:
                frames.append(line.strip())
    if comm is not None:
        yield comm, frames


def classify(comm, frames):
    for cat, prefixes in THREAD_RULES:
        if comm.startswith(prefixes):
            return cat
    for frame in frames:
        for cat, keys in RULES:
            if any(k in frame for k in keys):
                return cat
    if any("Interpreter" in fr for fr in frames):
        return "interpreted code"
    return "other"


def steps_and_median(jmh_path):
    text = open(jmh_path, errors="replace").read()
    m = re.search(r"^\S+Benchmark\.\w+\s+.*?\bsample\s+(\d+)\s+([\d.,]+)", text, re.M)
    med = re.search(r"^\S+Benchmark\.\w+:p0\.50\s+.*?sample\s+([\d.,]+)", text, re.M)
    if not m:
        sys.exit("profile-report: no JMH SampleTime result line in " + jmh_path)
    return int(m.group(1)), float((med or m).group(1 if med else 2).replace(",", ""))


def main():
    perf_txt, jmh_txt = sys.argv[1], sys.argv[2]
    counts = Counter(classify(c, fr) for c, fr in samples(perf_txt))
    steps, median = steps_and_median(jmh_txt)
    ms_per_sample = 1000.0 / 499
    counted = {k: v for k, v in counts.items() if k not in EXCLUDED}
    total = sum(counted.values())
    if total == 0:
        sys.exit("profile-report: no samples")
    print(f"steps measured: {steps}, median step {median:.1f} ms (wall); CPU time sampled: "
          f"{total * ms_per_sample / 1000:.1f} s in {sum(counts.values())} samples at 499 Hz\n")
    print("| operation | share of CPU | CPU ms per step |")
    print("|---|---:|---:|")
    for cat, n in sorted(counted.items(), key=lambda kv: -kv[1]):
        print(f"| {cat} | {100.0 * n / total:.1f} % | {n * ms_per_sample / steps:.1f} |")
    print(f"| **total** | 100 % | {total * ms_per_sample / steps:.1f} |")
    for cat in EXCLUDED & counts.keys():
        print(f"\n{cat}: {counts[cat]} samples, not in the table")


if __name__ == "__main__":
    main()
