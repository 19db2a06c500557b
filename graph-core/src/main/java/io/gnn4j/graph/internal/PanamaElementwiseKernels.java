package io.gnn4j.graph.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementwiseKernels} on the Vector API, loaded reflectively by {@link KernelProvider} like
 * {@link PanamaKernels}. Each lane does the scalar kernel's float and double operations in the same order (a compare
 * and a blend where the scalar code branches, a separate multiply and add, column sums on floats widened into double
 * lanes, rows in ascending order), so the results are the same bits; the random draws of the Bernoulli mask are
 * SplitMix64 on 64-bit lanes, half a vector of draws per vector of floats. The scalar kernels' branches on the sign of
 * each element mispredict about half the time on signed activations, which dominated their cost. ELU's exponential
 * stays the scalar {@code Math.expm1}, called only for the lanes that need it.
 */
final class PanamaElementwiseKernels extends ScalarElementwiseKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> D = LongVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Doubles for the column sums, and the floats that widen into one vector of them. */
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> HALF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DS.vectorBitSize() / 2));
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void leakyRelu(MemorySegment x, MemorySegment y, float slope, long from, long to) {
        long i = from;
        for (long bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector v = FloatVector.fromMemorySegment(S, x, i * Float.BYTES, NATIVE);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0f)).intoMemorySegment(y, i * Float.BYTES, NATIVE);
        }
        super.leakyRelu(x, y, slope, i, to);
    }

    @Override
    public void leakyReluBackward(MemorySegment x, MemorySegment g, MemorySegment gx, float slope, long from, long to) {
        FloatVector slopes = FloatVector.broadcast(S, slope);
        long i = from;
        for (long bound = from + S.loopBound(to - from); i < bound; i += L) {
            long at = i * Float.BYTES;
            FloatVector d = slopes.blend(1f, FloatVector.fromMemorySegment(S, x, at, NATIVE)
                    .compare(VectorOperators.GT, 0f));
            FloatVector.fromMemorySegment(S, gx, at, NATIVE)
                    .add(d.mul(FloatVector.fromMemorySegment(S, g, at, NATIVE)))
                    .intoMemorySegment(gx, at, NATIVE);
        }
        super.leakyReluBackward(x, g, gx, slope, i, to);
    }

    @Override
    public void scaledElu(MemorySegment x, MemorySegment y, float alpha, float lambda, long from, long to) {
        float[] lanes = new float[L];
        long i = from;
        for (long bound = from + S.loopBound(to - from); i < bound; i += L) {
            long at = i * Float.BYTES;
            FloatVector v = FloatVector.fromMemorySegment(S, x, at, NATIVE);
            v.mul(lambda).intoMemorySegment(y, at, NATIVE);
            // The other lanes (≤ 0 or NaN) take the scalar formula, one Math.expm1 each, visited through the mask's
            // bits: no branch on an element's sign (which mispredicts about half the time on activations).
            long rest = v.compare(VectorOperators.GT, 0f).not().toLong();
            if (rest != 0) {
                v.intoArray(lanes, 0);
                do {
                    int k = Long.numberOfTrailingZeros(rest);
                    y.setAtIndex(FLOAT, i + k, negativeElu(lanes[k], alpha, lambda));
                    rest &= rest - 1;
                } while (rest != 0);
            }
        }
        super.scaledElu(x, y, alpha, lambda, i, to);
    }

    @Override
    public void scaledEluBackward(MemorySegment x, MemorySegment y, MemorySegment g, MemorySegment gx, float alpha,
                                  float lambda, long from, long to) {
        float negativeShift = lambda * alpha;
        long i = from;
        for (long bound = from + S.loopBound(to - from); i < bound; i += L) {
            long at = i * Float.BYTES;
            FloatVector d = FloatVector.fromMemorySegment(S, y, at, NATIVE).add(negativeShift)
                    .blend(lambda, FloatVector.fromMemorySegment(S, x, at, NATIVE).compare(VectorOperators.GT, 0f));
            FloatVector.fromMemorySegment(S, gx, at, NATIVE)
                    .add(d.mul(FloatVector.fromMemorySegment(S, g, at, NATIVE)))
                    .intoMemorySegment(gx, at, NATIVE);
        }
        super.scaledEluBackward(x, y, g, gx, alpha, lambda, i, to);
    }

    @Override
    public void addRow(MemorySegment a, MemorySegment b, float sign, MemorySegment y, int m, int rowFrom, int rowTo) {
        int vm = S.loopBound(m);
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += L) {
                long at = base + (long) c * Float.BYTES;
                FloatVector.fromMemorySegment(S, a, at, NATIVE)
                        .add(FloatVector.fromMemorySegment(S, b, (long) c * Float.BYTES, NATIVE).mul(sign))
                        .intoMemorySegment(y, at, NATIVE);
            }
        }
        addRow(a, b, sign, y, m, vm, rowFrom, rowTo);
    }

    @Override
    public void columnSums(MemorySegment g, int m, int rowFrom, int rowTo, double[] acc) {
        int dl = DS.length(), vm = m - m % dl;
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += dl) {
                DoubleVector.fromArray(DS, acc, c).add(widen(g, base + (long) c * Float.BYTES)).intoArray(acc, c);
            }
        }
        columnSums(g, m, vm, rowFrom, rowTo, acc);
    }

    @Override
    public void columnSquaredDeviations(MemorySegment x, double[] mean, int m, int rowFrom, int rowTo, double[] acc) {
        int dl = DS.length(), vm = m - m % dl;
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += dl) {
                DoubleVector d = widen(x, base + (long) c * Float.BYTES).sub(DoubleVector.fromArray(DS, mean, c));
                DoubleVector.fromArray(DS, acc, c).add(d.mul(d)).intoArray(acc, c);
            }
        }
        columnSquaredDeviations(x, mean, m, vm, rowFrom, rowTo, acc);
    }

    @Override
    public void scaleShiftColumns(MemorySegment x, float[] mu, float[] scale, float[] shift, MemorySegment y, int m,
                                  int rowFrom, int rowTo) {
        int vm = S.loopBound(m);
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += L) {
                long at = base + (long) c * Float.BYTES;
                FloatVector.fromArray(S, scale, c)
                        .mul(FloatVector.fromMemorySegment(S, x, at, NATIVE).sub(FloatVector.fromArray(S, mu, c)))
                        .add(FloatVector.fromArray(S, shift, c))
                        .intoMemorySegment(y, at, NATIVE);
            }
        }
        scaleShiftColumns(x, mu, scale, shift, y, m, vm, rowFrom, rowTo);
    }

    @Override
    public void batchNormGradientSums(MemorySegment g, MemorySegment x, float[] mu, float[] invStd, int m, int rowFrom,
                                      int rowTo, double[] acc) {
        int dl = DS.length(), vm = m - m % dl;
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += dl) {
                long at = base + (long) c * Float.BYTES;
                DoubleVector gi = widen(g, at);
                FloatVector diff = FloatVector.fromMemorySegment(HALF, x, at, NATIVE)
                        .sub(FloatVector.fromArray(HALF, mu, c));
                DoubleVector.fromArray(DS, acc, c).add(gi).intoArray(acc, c);
                DoubleVector.fromArray(DS, acc, m + c)
                        .add(gi.mul(toDouble(diff)).mul(toDouble(FloatVector.fromArray(HALF, invStd, c))))
                        .intoArray(acc, m + c);
            }
        }
        batchNormGradientSums(g, x, mu, invStd, m, vm, rowFrom, rowTo, acc);
    }

    @Override
    public void batchNormInputGradient(MemorySegment x, MemorySegment g, float[] mu, float[] invStd, float[] k,
                                       float[] meanG, float[] meanGx, MemorySegment gx, int m, int rowFrom,
                                       int rowTo) {
        int vm = S.loopBound(m);
        for (int r = rowFrom; r < rowTo; r++) {
            long base = (long) r * m * Float.BYTES;
            for (int c = 0; c < vm; c += L) {
                long at = base + (long) c * Float.BYTES;
                FloatVector xh = FloatVector.fromMemorySegment(S, x, at, NATIVE).sub(FloatVector.fromArray(S, mu, c))
                        .mul(FloatVector.fromArray(S, invStd, c));
                FloatVector d = FloatVector.fromArray(S, k, c).mul(FloatVector.fromMemorySegment(S, g, at, NATIVE)
                        .sub(FloatVector.fromArray(S, meanG, c)).sub(xh.mul(FloatVector.fromArray(S, meanGx, c))));
                FloatVector.fromMemorySegment(S, gx, at, NATIVE).add(d).intoMemorySegment(gx, at, NATIVE);
            }
        }
        batchNormInputGradient(x, g, mu, invStd, k, meanG, meanGx, gx, m, vm, rowFrom, rowTo);
    }

    /** The floats at byte offset {@code at}, one double lane each. */
    private static DoubleVector widen(MemorySegment s, long at) {
        return toDouble(FloatVector.fromMemorySegment(HALF, s, at, NATIVE));
    }

    private static DoubleVector toDouble(FloatVector v) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, DS, 0);
    }

    @Override
    public void bernoulliScale(long seed, long threshold, float keep, MemorySegment in, MemorySegment out, long first,
                               int len, boolean accumulate) {
        if (D.length() * 2 != L) {
            super.bernoulliScale(seed, threshold, keep, in, out, first, len, accumulate);
            return;
        }
        LongVector drawIndex = LongVector.zero(D).addIndex(1);
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= len; j += L) {
            long at = (first + j) * Float.BYTES;
            FloatVector x = FloatVector.fromMemorySegment(S, in, at, NATIVE);
            if (!accumulate && !x.reinterpretAsInts().compare(VectorOperators.NE, 0).anyTrue()) {
                zero.intoMemorySegment(out, at, NATIVE);   // all +0: +0 whatever the mask (the scalar kernel's skip)
                continue;
            }
            FloatVector v = zero.blend(keep, kept(drawIndex, j, seed, threshold)).mul(x);
            if (accumulate) {
                v = v.add(FloatVector.fromMemorySegment(S, out, at, NATIVE));
            }
            v.intoMemorySegment(out, at, NATIVE);
        }
        bernoulliScale(seed, threshold, keep, in, out, first, j, len, accumulate);
    }

    @Override
    public void bernoulliFactors(long seed, long threshold, float keep, long first, int len, float[] out,
                                 int offset) {
        if (D.length() * 2 != L || (first & 1) != 0) {
            super.bernoulliFactors(seed, threshold, keep, first, len, out, offset);
            return;
        }
        // bernoulliScale's draws and mask, from an even element of the stream on: the factors themselves
        LongVector drawIndex = LongVector.zero(D).addIndex(1);
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        for (; j + L <= len; j += L) {
            zero.blend(keep, kept(drawIndex, first + j, seed, threshold)).intoArray(out, offset + j);
        }
        if (j < len) {
            // the tail (one edge's eight attention heads on 512-bit vectors): a whole vector's draws, its first
            // len − j factors stored
            zero.blend(keep, kept(drawIndex, first + j, seed, threshold))
                    .intoArray(out, offset + j, S.indexInRange(0, len - j));
        }
    }

    /**
     * Which of the L elements from the even element {@code first} of the stream are kept: draws k = first/2 + 1 …
     * first/2 + L/2, each the SplitMix64 finaliser of seed + k·γ, two 32-bit uniforms per draw compared with the
     * threshold ({@code drawIndex} holds the lane numbers 0, 1, …).
     */
    private static VectorMask<Float> kept(LongVector drawIndex, long first, long seed, long threshold) {
        LongVector z = drawIndex.add(first / 2 + 1).mul(GOLDEN_GAMMA).add(seed);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
        // swapping each draw's halves puts its high 32 bits (the even element's uniform) in the lower int lane
        IntVector u = z.lanewise(VectorOperators.ROR, 32).reinterpretAsInts();
        return u.compare(VectorOperators.UGE, (int) threshold).cast(S);
    }
}
