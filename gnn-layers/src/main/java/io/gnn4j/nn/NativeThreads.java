package io.gnn4j.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The size of ND4J's native thread pools — its OpenMP pool and OpenBLAS's own, which runs the matrix products of
 * {@link Tape#linear} — which are separate from the {@link io.gnn4j.graph.ExecutionContext} gnn4j's own kernels run on and is
 * process-wide. Applications that choose a thread count set both, so that "N threads" means N: without it, each
 * pool starts one thread per core, and on a busy machine OpenBLAS's spinning threads slow every small product
 * (docs/performance.md, "Native thread pools on a busy machine").
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Sets ND4J's native pools to {@code threads} threads (≥ 1) for the whole process. */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
