package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gnn4j.graph.Elementwise;
import io.gnn4j.graph.ExecutionContext;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dropout kernel against its contract written out with {@link SplittableRandom} (one generator per chunk of
 * 2¹⁵ elements, two 32-bit uniforms per draw), bit for bit, on inputs with runs of zeros (whose draws the kernel
 * skips), signed zeros, odd lengths and several chunks, forward and accumulating, at 1 and 3 threads.
 */
class DropoutOpsTest {
    private static final int CHUNK = 1 << 15;

    @Test
    void kernelMatchesTheContractBitForBit() {
        int n = 2 * CHUNK + 1001;                 // three chunks, the last one odd
        float[] x = new float[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            x[i] = u < 0.6 ? 0f : u < 0.65 ? -0f : (float) r.nextDouble(-2, 2);   // mostly zeros, some -0
        }
        for (boolean accumulate : new boolean[] {false, true}) {
            for (int threads : new int[] {1, 3}) {
                float[] base = new float[n];
                for (int i = 0; i < n; i++) {
                    base[i] = i % 3 == 0 ? -0f : (float) r.nextDouble(-1, 1);
                }
                float[] got = base.clone(), expected = base.clone();
                DropoutOps.dropoutKernel(ExecutionContext.withThreads(threads), 42L, 0.3f, MemorySegment.ofArray(x),
                        MemorySegment.ofArray(got), n, accumulate);
                contract(42L, 0.3f, x, expected, accumulate);
                assertArrayEquals(expected, got, "accumulate=" + accumulate + " threads=" + threads);
            }
        }
    }

    /** The kernel's contract, element by element with one SplittableRandom per chunk. */
    private static void contract(long callSeed, float p, float[] in, float[] out, boolean accumulate) {
        long threshold = (long) ((double) p * 4294967296.0);
        float keep = 1f / (1f - p);
        for (int c = 0; c * CHUNK < in.length; c++) {
            SplittableRandom rng = new SplittableRandom(Elementwise.splitMix64(callSeed + c));
            int to = Math.min(in.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < to; i += 2) {
                long bits = rng.nextLong();
                for (int j = 0; j < 2 && i + j < to; j++) {
                    long u = j == 0 ? bits >>> 32 : bits & 0xffffffffL;
                    float v = (u < threshold ? 0f : keep) * in[i + j];
                    out[i + j] = accumulate ? v + out[i + j] : v;
                }
            }
        }
    }
}
