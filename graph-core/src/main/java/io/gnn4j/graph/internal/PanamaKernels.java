package io.gnn4j.graph.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SparseKernels} on the Vector API (jdk.incubator.vector). Loaded reflectively by {@link KernelProvider}
 * only when the module is readable, so nothing else links against the incubator module. Segment reductions
 * (max with argmax) keep the scalar code: they are compare-bound, not bandwidth-bound, and so does block SDDMM
 * (small d×d outputs per entry). The multi-head kernels use vectors of eight lanes with a separate multiply and add,
 * in the scalar kernels' order of additions, so that they give the same bits: the weighted SpMM runs one head's
 * columns eight at a time (heads whose width is not a multiple of eight use the scalar code), the SDDMM eight heads
 * at a time on head-minor rows (fewer than eight heads use the scalar code). The edge softmax and its backward
 * hold one edge's eight heads in one vector (other head counts use the scalar code), with {@code Math.exp} per lane
 * and the sums in double lanes, as the scalar kernels.
 */
final class PanamaKernels extends ScalarKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** One head's columns are processed eight at a time: attention heads are commonly 8, 16 or 64 wide. */
    private static final VectorSpecies<Float> H = FloatVector.SPECIES_256;
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    /** Four double lanes: the eight heads' double sums as two halves. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }

    @Override
    public void spmm(int[] rowPtr, int[] colIdx, float[] w, MemorySegment x, MemorySegment y, int f, int c0, int c1,
                     int rowFrom, int rowTo) {
        long stride = (long) f * Float.BYTES;
        for (int r = rowFrom; r < rowTo; r++) {
            int from = rowPtr[r], to = rowPtr[r + 1];
            long out = r * stride;
            int c = c0;
            // Eight (then four, two, one) vectors of accumulators stay in registers while the row's neighbours
            // stream past: each gathered x row segment is read once, as one run of contiguous cache lines, and y is
            // written once per row.
            for (; c + 8 * L <= c1; c += 8 * L) {
                long off = (long) c * Float.BYTES;
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
                for (int k = from; k < to; k++) {
                    long src = colIdx[k] * stride + off;
                    FloatVector s = FloatVector.broadcast(S, w == null ? 1f : w[k]);
                    a0 = FloatVector.fromMemorySegment(S, x, src, NATIVE).fma(s, a0);
                    a1 = FloatVector.fromMemorySegment(S, x, src + L * 4L, NATIVE).fma(s, a1);
                    a2 = FloatVector.fromMemorySegment(S, x, src + 2 * L * 4L, NATIVE).fma(s, a2);
                    a3 = FloatVector.fromMemorySegment(S, x, src + 3 * L * 4L, NATIVE).fma(s, a3);
                    a4 = FloatVector.fromMemorySegment(S, x, src + 4 * L * 4L, NATIVE).fma(s, a4);
                    a5 = FloatVector.fromMemorySegment(S, x, src + 5 * L * 4L, NATIVE).fma(s, a5);
                    a6 = FloatVector.fromMemorySegment(S, x, src + 6 * L * 4L, NATIVE).fma(s, a6);
                    a7 = FloatVector.fromMemorySegment(S, x, src + 7 * L * 4L, NATIVE).fma(s, a7);
                }
                a0.intoMemorySegment(y, out + off, NATIVE);
                a1.intoMemorySegment(y, out + off + L * 4L, NATIVE);
                a2.intoMemorySegment(y, out + off + 2 * L * 4L, NATIVE);
                a3.intoMemorySegment(y, out + off + 3 * L * 4L, NATIVE);
                a4.intoMemorySegment(y, out + off + 4 * L * 4L, NATIVE);
                a5.intoMemorySegment(y, out + off + 5 * L * 4L, NATIVE);
                a6.intoMemorySegment(y, out + off + 6 * L * 4L, NATIVE);
                a7.intoMemorySegment(y, out + off + 7 * L * 4L, NATIVE);
            }
            for (; c + 4 * L <= c1; c += 4 * L) {
                long off = (long) c * Float.BYTES;
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int k = from; k < to; k++) {
                    long src = colIdx[k] * stride + off;
                    FloatVector s = FloatVector.broadcast(S, w == null ? 1f : w[k]);
                    a0 = FloatVector.fromMemorySegment(S, x, src, NATIVE).fma(s, a0);
                    a1 = FloatVector.fromMemorySegment(S, x, src + L * 4L, NATIVE).fma(s, a1);
                    a2 = FloatVector.fromMemorySegment(S, x, src + 2 * L * 4L, NATIVE).fma(s, a2);
                    a3 = FloatVector.fromMemorySegment(S, x, src + 3 * L * 4L, NATIVE).fma(s, a3);
                }
                a0.intoMemorySegment(y, out + off, NATIVE);
                a1.intoMemorySegment(y, out + off + L * 4L, NATIVE);
                a2.intoMemorySegment(y, out + off + 2 * L * 4L, NATIVE);
                a3.intoMemorySegment(y, out + off + 3 * L * 4L, NATIVE);
            }
            for (; c + 2 * L <= c1; c += 2 * L) {
                long off = (long) c * Float.BYTES;
                FloatVector a0 = FloatVector.zero(S), a1 = a0;
                for (int k = from; k < to; k++) {
                    long src = colIdx[k] * stride + off;
                    FloatVector s = FloatVector.broadcast(S, w == null ? 1f : w[k]);
                    a0 = FloatVector.fromMemorySegment(S, x, src, NATIVE).fma(s, a0);
                    a1 = FloatVector.fromMemorySegment(S, x, src + L * 4L, NATIVE).fma(s, a1);
                }
                a0.intoMemorySegment(y, out + off, NATIVE);
                a1.intoMemorySegment(y, out + off + L * 4L, NATIVE);
            }
            for (; c + L <= c1; c += L) {
                long off = (long) c * Float.BYTES;
                // Two accumulators over alternate neighbours halve the FMA dependency chain.
                FloatVector a0 = FloatVector.zero(S), a1 = a0;
                int k = from;
                for (; k + 1 < to; k += 2) {
                    a0 = FloatVector.fromMemorySegment(S, x, colIdx[k] * stride + off, NATIVE)
                            .fma(FloatVector.broadcast(S, w == null ? 1f : w[k]), a0);
                    a1 = FloatVector.fromMemorySegment(S, x, colIdx[k + 1] * stride + off, NATIVE)
                            .fma(FloatVector.broadcast(S, w == null ? 1f : w[k + 1]), a1);
                }
                if (k < to) {
                    a0 = FloatVector.fromMemorySegment(S, x, colIdx[k] * stride + off, NATIVE)
                            .fma(FloatVector.broadcast(S, w == null ? 1f : w[k]), a0);
                }
                a0.add(a1).intoMemorySegment(y, out + off, NATIVE);
            }
        }
        // The columns past the last full vector (the same for every row) in one scalar call for the whole block.
        int tail = c0 + (c1 - c0) / L * L;
        if (tail < c1) {
            super.spmm(rowPtr, colIdx, w, x, y, f, tail, c1, rowFrom, rowTo);
        }
    }

    @Override
    public void sddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int f, float[] out,
                      int rowFrom, int rowTo) {
        long stride = (long) f * Float.BYTES;
        int bound = S.loopBound(f);
        float[] lanes = new float[L];
        for (int r = rowFrom; r < rowTo; r++) {
            long xr = r * stride;
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                long yr = colIdx[k] * stride;
                FloatVector acc = FloatVector.zero(S);
                int c = 0;
                for (; c < bound; c += L) {
                    long off = (long) c * Float.BYTES;
                    acc = FloatVector.fromMemorySegment(S, x, xr + off, NATIVE)
                            .fma(FloatVector.fromMemorySegment(S, y, yr + off, NATIVE), acc);
                }
                // Lanes summed in a fixed order: reduceLanes(ADD) leaves the order to the JIT, so a result could
                // change with the compilation state and break run-to-run determinism.
                acc.intoArray(lanes, 0);
                float s = 0f;
                for (float lane : lanes) {
                    s += lane;
                }
                for (; c < f; c++) {
                    s += x.getAtIndex(FLOAT, xr / 4 + c) * y.getAtIndex(FLOAT, yr / 4 + c);
                }
                out[k] = s;
            }
        }
    }

    @Override
    public void blockSpmm(int[] rowPtr, int[] colIdx, int[] entry, boolean transposeBlocks, MemorySegment blocks,
                          int d, MemorySegment x, MemorySegment y, int f, int rowFrom, int rowTo) {
        int dd = d * d, bound = S.loopBound(f);
        long stride = (long) f * Float.BYTES;
        // Element (i, j) of block e, read transposed when asked.
        int si = transposeBlocks ? 1 : d, sj = transposeBlocks ? d : 1;
        for (int r = rowFrom; r < rowTo; r++) {
            int from = rowPtr[r], to = rowPtr[r + 1];
            // One output row i of the block row and one vector of columns at a time: a single accumulator stays in a
            // register (an array of vectors would be allocated on the heap), the neighbours' d input rows come from
            // L1 again for each i.
            for (int i = 0; i < d; i++) {
                long out = ((long) r * d + i) * stride;
                for (int c = 0; c < bound; c += L) {
                    long off = (long) c * Float.BYTES;
                    FloatVector acc = FloatVector.zero(S);
                    for (int k = from; k < to; k++) {
                        long e = (long) (entry == null ? k : entry[k]) * dd + (long) i * si;
                        long src = (long) colIdx[k] * d * stride + off;
                        for (int j = 0; j < d; j++) {
                            acc = FloatVector.fromMemorySegment(S, x, src + j * stride, NATIVE)
                                    .fma(FloatVector.broadcast(S, blocks.getAtIndex(FLOAT, e + (long) j * sj)), acc);
                        }
                    }
                    acc.intoMemorySegment(y, out + off, NATIVE);
                }
                for (int c = bound; c < f; c++) {
                    float t = 0f;
                    for (int k = from; k < to; k++) {
                        long e = (long) (entry == null ? k : entry[k]) * dd + (long) i * si;
                        long src = (long) colIdx[k] * d * f + c;
                        for (int j = 0; j < d; j++) {
                            t = Math.fma(x.getAtIndex(FLOAT, src + (long) j * f), blocks.getAtIndex(FLOAT, e + (long) j * sj), t);
                        }
                    }
                    y.setAtIndex(FLOAT, out / Float.BYTES + c, t);
                }
            }
        }
    }

    @Override
    public void headSpmm(int[] rowPtr, int[] colIdx, int[] entry, MemorySegment w, int heads, MemorySegment x,
                         MemorySegment y, int f, int rowFrom, int rowTo) {
        int c = f / heads;
        if (c % 8 != 0) {
            super.headSpmm(rowPtr, colIdx, entry, w, heads, x, y, f, rowFrom, rowTo);
            return;
        }
        int chunks = f / 8, perHead = c / 8;
        long stride = (long) f * Float.BYTES;
        for (int r = rowFrom; r < rowTo; r++) {
            int from = rowPtr[r], to = rowPtr[r + 1];
            long out = r * stride;
            int q = 0;
            // Four chunks of eight columns at a time, their accumulators in registers: four independent addition
            // chains while the row's neighbours stream past (their rows stay in L1 for the next four chunks).
            for (; q + 4 <= chunks; q += 4) {
                int k0 = q / perHead, k1 = (q + 1) / perHead, k2 = (q + 2) / perHead, k3 = (q + 3) / perHead;
                long off = q * 32L;
                FloatVector a0 = FloatVector.zero(H), a1 = a0, a2 = a0, a3 = a0;
                for (int p = from; p < to; p++) {
                    long we = (long) (entry == null ? p : entry[p]) * heads, src = colIdx[p] * stride + off;
                    a0 = a0.add(FloatVector.fromMemorySegment(H, x, src, NATIVE).mul(w.getAtIndex(FLOAT, we + k0)));
                    a1 = a1.add(FloatVector.fromMemorySegment(H, x, src + 32, NATIVE).mul(w.getAtIndex(FLOAT, we + k1)));
                    a2 = a2.add(FloatVector.fromMemorySegment(H, x, src + 64, NATIVE).mul(w.getAtIndex(FLOAT, we + k2)));
                    a3 = a3.add(FloatVector.fromMemorySegment(H, x, src + 96, NATIVE).mul(w.getAtIndex(FLOAT, we + k3)));
                }
                a0.intoMemorySegment(y, out + off, NATIVE);
                a1.intoMemorySegment(y, out + off + 32, NATIVE);
                a2.intoMemorySegment(y, out + off + 64, NATIVE);
                a3.intoMemorySegment(y, out + off + 96, NATIVE);
            }
            for (; q < chunks; q++) {
                int k = q / perHead;
                long off = q * 32L;
                FloatVector a = FloatVector.zero(H);
                for (int p = from; p < to; p++) {
                    long we = (long) (entry == null ? p : entry[p]) * heads;
                    a = a.add(FloatVector.fromMemorySegment(H, x, colIdx[p] * stride + off, NATIVE)
                            .mul(w.getAtIndex(FLOAT, we + k)));
                }
                a.intoMemorySegment(y, out + off, NATIVE);
            }
        }
    }

    @Override
    public void headSddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int heads, int f,
                          MemorySegment out, int rowFrom, int rowTo) {
        if (heads < 8) {
            super.headSddmm(rowPtr, colIdx, x, y, heads, f, out, rowFrom, rowTo);
            return;
        }
        if (heads == 8 && f == 64) {
            headSddmm8x8(rowPtr, colIdx, x, y, out, rowFrom, rowTo);
            return;
        }
        // Lanes are heads: on head-minor rows, eight consecutive columns are one element of eight heads, so each
        // head's sum advances by one lane-wise multiply and add per element, in the scalar kernel's order.
        int groups = heads / 8, c = f / heads;
        long stride = (long) f * Float.BYTES, step = (long) heads * Float.BYTES;
        for (int r = rowFrom; r < rowTo; r++) {
            long xr = r * stride;
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                long yr = colIdx[p] * stride;
                for (int g = 0; g < groups; g++) {
                    long off = g * 32L;
                    FloatVector s = FloatVector.zero(H);
                    for (int j = 0; j < c; j++, off += step) {
                        s = s.add(FloatVector.fromMemorySegment(H, x, xr + off, NATIVE)
                                .mul(FloatVector.fromMemorySegment(H, y, yr + off, NATIVE)));
                    }
                    s.intoMemorySegment(out, ((long) p * heads + g * 8) * Float.BYTES, NATIVE);
                }
                for (int k = groups * 8; k < heads; k++) {
                    float s = 0f;
                    for (int at = k; at < f; at += heads) {
                        s += x.getAtIndex(FLOAT, xr / 4 + at) * y.getAtIndex(FLOAT, yr / 4 + at);
                    }
                    out.setAtIndex(FLOAT, (long) p * heads + k, s);
                }
            }
        }
    }

    /**
     * {@link #headSddmm} for eight heads of eight (GAT's usual shape): the row's eight vectors stay in registers
     * while its entries' rows stream past, one load, multiply and add per vector of a gathered row — about three
     * times the general loop's speed, the same sums in the same order.
     */
    private static void headSddmm8x8(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, MemorySegment out,
                                     int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long xr = r * 256L;
            FloatVector x0 = FloatVector.fromMemorySegment(H, x, xr, NATIVE);
            FloatVector x1 = FloatVector.fromMemorySegment(H, x, xr + 32, NATIVE);
            FloatVector x2 = FloatVector.fromMemorySegment(H, x, xr + 64, NATIVE);
            FloatVector x3 = FloatVector.fromMemorySegment(H, x, xr + 96, NATIVE);
            FloatVector x4 = FloatVector.fromMemorySegment(H, x, xr + 128, NATIVE);
            FloatVector x5 = FloatVector.fromMemorySegment(H, x, xr + 160, NATIVE);
            FloatVector x6 = FloatVector.fromMemorySegment(H, x, xr + 192, NATIVE);
            FloatVector x7 = FloatVector.fromMemorySegment(H, x, xr + 224, NATIVE);
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                long yr = colIdx[p] * 256L;
                FloatVector s = FloatVector.zero(H).add(x0.mul(FloatVector.fromMemorySegment(H, y, yr, NATIVE)));
                s = s.add(x1.mul(FloatVector.fromMemorySegment(H, y, yr + 32, NATIVE)));
                s = s.add(x2.mul(FloatVector.fromMemorySegment(H, y, yr + 64, NATIVE)));
                s = s.add(x3.mul(FloatVector.fromMemorySegment(H, y, yr + 96, NATIVE)));
                s = s.add(x4.mul(FloatVector.fromMemorySegment(H, y, yr + 128, NATIVE)));
                s = s.add(x5.mul(FloatVector.fromMemorySegment(H, y, yr + 160, NATIVE)));
                s = s.add(x6.mul(FloatVector.fromMemorySegment(H, y, yr + 192, NATIVE)));
                s = s.add(x7.mul(FloatVector.fromMemorySegment(H, y, yr + 224, NATIVE)));
                s.intoMemorySegment(out, p * 32L, NATIVE);
            }
        }
    }

    @Override
    public void edgeSoftmax(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                            MemorySegment alpha, int rowFrom, int rowTo) {
        if (heads != 8) {
            super.edgeSoftmax(ptr, src, sSrc, sDst, heads, slope, alpha, rowFrom, rowTo);
            return;
        }
        float[] lanes = new float[8];
        double[] sum = new double[8];
        for (int v = rowFrom; v < rowTo; v++) {
            int p0 = ptr[v], p1 = ptr[v + 1];
            if (p0 == p1) {
                continue;
            }
            FloatVector target = FloatVector.fromMemorySegment(H, sDst, v * 32L, NATIVE);
            FloatVector max = FloatVector.broadcast(H, Float.NEGATIVE_INFINITY);
            for (int q = p0; q < p1; q++) {
                FloatVector z = FloatVector.fromMemorySegment(H, sSrc, src[q] * 32L, NATIVE).add(target);
                FloatVector s = z.mul(slope).blend(z, z.compare(VectorOperators.GT, 0f));
                s.intoMemorySegment(alpha, q * 32L, NATIVE);
                max = max.max(s);
            }
            java.util.Arrays.fill(sum, 0);
            for (int q = p0; q < p1; q++) {
                FloatVector.fromMemorySegment(H, alpha, q * 32L, NATIVE).sub(max).intoArray(lanes, 0);
                for (int k = 0; k < 8; k++) {
                    float ex = (float) Math.exp(lanes[k]);
                    lanes[k] = ex;
                    sum[k] += ex;
                }
                FloatVector.fromArray(H, lanes, 0).intoMemorySegment(alpha, q * 32L, NATIVE);
            }
            for (int k = 0; k < 8; k++) {
                lanes[k] = (float) (1 / sum[k]);
            }
            FloatVector inverseSum = FloatVector.fromArray(H, lanes, 0);
            for (int q = p0; q < p1; q++) {
                FloatVector.fromMemorySegment(H, alpha, q * 32L, NATIVE).mul(inverseSum)
                        .intoMemorySegment(alpha, q * 32L, NATIVE);
            }
        }
    }

    @Override
    public void edgeSoftmaxBackward(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads,
                                    float slope, MemorySegment alpha, MemorySegment kept, float keep,
                                    MemorySegment weightGrad, MemorySegment scoreGrad, MemorySegment dstGrad,
                                    int rowFrom, int rowTo) {
        if (heads != 8) {
            super.edgeSoftmaxBackward(ptr, src, sSrc, sDst, heads, slope, alpha, kept, keep, weightGrad, scoreGrad,
                    dstGrad, rowFrom, rowTo);
            return;
        }
        FloatVector zero = FloatVector.zero(H), keepFactor = FloatVector.broadcast(H, keep);
        FloatVector one = FloatVector.broadcast(H, 1f), slopeFactor = FloatVector.broadcast(H, slope);
        double[] dot = new double[8];
        float[] lanes = new float[8];
        for (int v = rowFrom; v < rowTo; v++) {
            int p0 = ptr[v], p1 = ptr[v + 1];
            if (p0 == p1) {
                continue;
            }
            DoubleVector dotLow = DoubleVector.zero(D), dotHigh = dotLow;
            for (int q = p0; q < p1; q++) {
                FloatVector g = FloatVector.fromMemorySegment(H, weightGrad, q * 32L, NATIVE);
                if (kept != null) {
                    FloatVector k = FloatVector.fromMemorySegment(H, kept, q * 32L, NATIVE);
                    g = zero.blend(keepFactor, k.compare(VectorOperators.NE, 0f)).mul(g).add(zero);
                    g.intoMemorySegment(weightGrad, q * 32L, NATIVE);
                }
                FloatVector a = FloatVector.fromMemorySegment(H, alpha, q * 32L, NATIVE);
                dotLow = dotLow.add(((DoubleVector) a.convertShape(VectorOperators.F2D, D, 0))
                        .mul((DoubleVector) g.convertShape(VectorOperators.F2D, D, 0)));
                dotHigh = dotHigh.add(((DoubleVector) a.convertShape(VectorOperators.F2D, D, 1))
                        .mul((DoubleVector) g.convertShape(VectorOperators.F2D, D, 1)));
            }
            dotLow.intoArray(dot, 0);
            dotHigh.intoArray(dot, 4);
            for (int k = 0; k < 8; k++) {
                lanes[k] = (float) dot[k];
            }
            FloatVector d = FloatVector.fromArray(H, lanes, 0);
            FloatVector target = FloatVector.fromMemorySegment(H, sDst, v * 32L, NATIVE);
            FloatVector targetSum = zero;
            for (int q = p0; q < p1; q++) {
                FloatVector a = FloatVector.fromMemorySegment(H, alpha, q * 32L, NATIVE);
                FloatVector g = FloatVector.fromMemorySegment(H, weightGrad, q * 32L, NATIVE);
                FloatVector ge = zero.add(a.mul(g.sub(d)));
                FloatVector z = FloatVector.fromMemorySegment(H, sSrc, src[q] * 32L, NATIVE).add(target);
                FloatVector gs = zero.add(slopeFactor.blend(one, z.compare(VectorOperators.GT, 0f)).mul(ge));
                gs.intoMemorySegment(scoreGrad, q * 32L, NATIVE);
                targetSum = targetSum.add(gs);
            }
            if (dstGrad != null) {
                FloatVector.fromMemorySegment(H, dstGrad, v * 32L, NATIVE).add(targetSum)
                        .intoMemorySegment(dstGrad, v * 32L, NATIVE);
            }
        }
    }

    @Override
    public void addSegmentSums(int[] ptr, int[] rows, MemorySegment src, MemorySegment out, int f, int segFrom,
                               int segTo) {
        if (f % 8 != 0) {
            super.addSegmentSums(ptr, rows, src, out, f, segFrom, segTo);
            return;
        }
        // Eight columns per vector, one accumulator per vector summing the members in order: a member row is one
        // load and one add per eight columns, so many gathered rows are in flight at once.
        long stride = (long) f * Float.BYTES;
        for (int s = segFrom; s < segTo; s++) {
            int from = ptr[s], to = ptr[s + 1];
            if (from == to) {
                continue;
            }
            for (long off = 0; off < stride; off += 32) {
                FloatVector sum = FloatVector.zero(H);
                for (int p = from; p < to; p++) {
                    sum = sum.add(FloatVector.fromMemorySegment(H, src, (rows == null ? p : rows[p]) * stride + off,
                            NATIVE));
                }
                long at = s * stride + off;
                FloatVector.fromMemorySegment(H, out, at, NATIVE).add(sum).intoMemorySegment(out, at, NATIVE);
            }
        }
    }
}
