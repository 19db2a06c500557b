package io.gnn4j.graph.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The plain-Java implementation of {@link SparseKernels}: always available, the reference for the vector one. */
class ScalarKernels implements SparseKernels {
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void spmm(int[] rowPtr, int[] colIdx, float[] w, MemorySegment x, MemorySegment y, int f, int c0, int c1,
                     int rowFrom, int rowTo) {
        int width = c1 - c0;
        float[] acc = new float[width];
        for (int r = rowFrom; r < rowTo; r++) {
            java.util.Arrays.fill(acc, 0f);
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                float a = w == null ? 1f : w[k];
                long base = ((long) colIdx[k] * f + c0) * Float.BYTES;
                for (int c = 0; c < width; c++) {
                    acc[c] += a * x.getAtIndex(FLOAT, (base >> 2) + c);
                }
            }
            long out = (long) r * f + c0;
            for (int c = 0; c < width; c++) {
                y.setAtIndex(FLOAT, out + c, acc[c]);
            }
        }
    }

    @Override
    public void sddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int f, float[] out,
                      int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long xr = (long) r * f;
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                long yr = (long) colIdx[k] * f;
                float s = 0f;
                for (int c = 0; c < f; c++) {
                    s += x.getAtIndex(FLOAT, xr + c) * y.getAtIndex(FLOAT, yr + c);
                }
                out[k] = s;
            }
        }
    }

    @Override
    public void segmentMax(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int[] argmax, int f,
                           int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long out = (long) r * f;
            int from = rowPtr[r], to = rowPtr[r + 1];
            for (int c = 0; c < f; c++) {
                float best = 0f;
                int arg = -1;
                for (int k = from; k < to; k++) {
                    float v = x.getAtIndex(FLOAT, (long) colIdx[k] * f + c);
                    if (arg < 0 || v > best) {
                        best = v;
                        arg = colIdx[k];
                    }
                }
                y.setAtIndex(FLOAT, out + c, best);
                argmax[(int) (out + c)] = arg;
            }
        }
    }

    @Override
    public void blockSpmm(int[] rowPtr, int[] colIdx, int[] entry, boolean transposeBlocks, MemorySegment blocks,
                          int d, MemorySegment x, MemorySegment y, int f, int rowFrom, int rowTo) {
        float[] acc = new float[d * f];
        float[] b = new float[d * d];
        for (int r = rowFrom; r < rowTo; r++) {
            java.util.Arrays.fill(acc, 0f);
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                readBlock(blocks, entry == null ? k : entry[k], transposeBlocks, d, b);
                long src = (long) colIdx[k] * d * f;
                for (int j = 0; j < d; j++) {
                    long xr = src + (long) j * f;
                    for (int i = 0; i < d; i++) {
                        float a = b[i * d + j];
                        int out = i * f;
                        for (int c = 0; c < f; c++) {
                            acc[out + c] += a * x.getAtIndex(FLOAT, xr + c);
                        }
                    }
                }
            }
            MemorySegment.copy(acc, 0, y, FLOAT, (long) r * d * f * Float.BYTES, d * f);
        }
    }

    /** Block e (d×d, row-major at floats e·d²) into b, transposed when asked. */
    static void readBlock(MemorySegment blocks, int e, boolean transpose, int d, float[] b) {
        int dd = d * d;
        for (int q = 0; q < dd; q++) {
            b[transpose ? (q % d) * d + q / d : q] = blocks.getAtIndex(FLOAT, (long) e * dd + q);
        }
    }

    @Override
    public void blockSddmm(int[] rowPtr, int[] colIdx, int d, MemorySegment g, MemorySegment x, int f,
                           MemorySegment out, int rowFrom, int rowTo) {
        int dd = d * d;
        for (int r = rowFrom; r < rowTo; r++) {
            long gr = (long) r * d * f;
            for (int k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
                long xr = (long) colIdx[k] * d * f;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        float s = 0f;
                        for (int c = 0; c < f; c++) {
                            s += g.getAtIndex(FLOAT, gr + (long) i * f + c) * x.getAtIndex(FLOAT, xr + (long) j * f + c);
                        }
                        out.setAtIndex(FLOAT, (long) k * dd + i * d + j, s);
                    }
                }
            }
        }
    }

    @Override
    public void headSpmm(int[] rowPtr, int[] colIdx, int[] entry, MemorySegment w, int heads, MemorySegment x,
                         MemorySegment y, int f, int rowFrom, int rowTo) {
        int c = f / heads;
        float[] acc = new float[f];
        for (int r = rowFrom; r < rowTo; r++) {
            java.util.Arrays.fill(acc, 0f);
            for (int p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
                long we = (long) (entry == null ? p : entry[p]) * heads, xr = (long) colIdx[p] * f;
                for (int k = 0; k < heads; k++) {
                    float a = w.getAtIndex(FLOAT, we + k);
                    for (int j = k * c, end = j + c; j < end; j++) {
                        acc[j] += a * x.getAtIndex(FLOAT, xr + j);
                    }
                }
            }
            MemorySegment.copy(acc, 0, y, FLOAT, (long) r * f * Float.BYTES, f);
        }
    }

    @Override
    public void headSddmm(int[] rowPtr, int[] colIdx, MemorySegment x, MemorySegment y, int heads, int f,
                          MemorySegment out, int rowFrom, int rowTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            long xr = (long) r * f;
            int p = rowPtr[r], end = rowPtr[r + 1];
            // Two entries at a time: two independent addition chains (and gathers) in flight, each in its own order.
            for (; p + 1 < end; p += 2) {
                long y0 = (long) colIdx[p] * f, y1 = (long) colIdx[p + 1] * f;
                for (int k = 0; k < heads; k++) {
                    float s0 = 0f, s1 = 0f;
                    for (int at = k; at < f; at += heads) {
                        float xv = x.getAtIndex(FLOAT, xr + at);
                        s0 += xv * y.getAtIndex(FLOAT, y0 + at);
                        s1 += xv * y.getAtIndex(FLOAT, y1 + at);
                    }
                    out.setAtIndex(FLOAT, (long) p * heads + k, s0);
                    out.setAtIndex(FLOAT, (long) (p + 1) * heads + k, s1);
                }
            }
            for (; p < end; p++) {
                long yr = (long) colIdx[p] * f;
                for (int k = 0; k < heads; k++) {
                    float s = 0f;
                    for (int at = k; at < f; at += heads) {
                        s += x.getAtIndex(FLOAT, xr + at) * y.getAtIndex(FLOAT, yr + at);
                    }
                    out.setAtIndex(FLOAT, (long) p * heads + k, s);
                }
            }
        }
    }

    @Override
    public void edgeSoftmax(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads, float slope,
                            MemorySegment alpha, int rowFrom, int rowTo) {
        float[] max = new float[heads];
        double[] sum = new double[heads];
        float[] inverseSum = new float[heads];
        for (int v = rowFrom; v < rowTo; v++) {
            int p0 = ptr[v], p1 = ptr[v + 1];
            if (p0 == p1) {
                continue;
            }
            java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
            java.util.Arrays.fill(sum, 0);
            long dst = (long) v * heads;
            for (int q = p0; q < p1; q++) {
                long from = (long) src[q] * heads, at = (long) q * heads;
                for (int k = 0; k < heads; k++) {
                    float z = sSrc.getAtIndex(FLOAT, from + k) + sDst.getAtIndex(FLOAT, dst + k);
                    float s = z > 0 ? z : slope * z;
                    alpha.setAtIndex(FLOAT, at + k, s);
                    max[k] = Math.max(max[k], s);
                }
            }
            for (int q = p0; q < p1; q++) {
                long at = (long) q * heads;
                for (int k = 0; k < heads; k++) {
                    float ex = (float) Math.exp(alpha.getAtIndex(FLOAT, at + k) - max[k]);
                    alpha.setAtIndex(FLOAT, at + k, ex);
                    sum[k] += ex;
                }
            }
            for (int k = 0; k < heads; k++) {
                inverseSum[k] = (float) (1 / sum[k]);
            }
            for (int q = p0; q < p1; q++) {
                long at = (long) q * heads;
                for (int k = 0; k < heads; k++) {
                    alpha.setAtIndex(FLOAT, at + k, alpha.getAtIndex(FLOAT, at + k) * inverseSum[k]);
                }
            }
        }
    }

    @Override
    public void edgeSoftmaxBackward(int[] ptr, int[] src, MemorySegment sSrc, MemorySegment sDst, int heads,
                                    float slope, MemorySegment alpha, MemorySegment kept, float keep,
                                    MemorySegment weightGrad, MemorySegment scoreGrad, MemorySegment dstGrad,
                                    int rowFrom, int rowTo) {
        double[] dot = new double[heads];
        float[] targetSum = new float[heads];
        for (int v = rowFrom; v < rowTo; v++) {
            int p0 = ptr[v], p1 = ptr[v + 1];
            if (p0 == p1) {
                continue;
            }
            java.util.Arrays.fill(dot, 0);
            java.util.Arrays.fill(targetSum, 0f);
            for (int q = p0; q < p1; q++) {
                long at = (long) q * heads;
                for (int k = 0; k < heads; k++) {
                    float g = weightGrad.getAtIndex(FLOAT, at + k);
                    if (kept != null) {
                        g = (kept.getAtIndex(FLOAT, at + k) != 0 ? keep : 0f) * g + 0f;
                        weightGrad.setAtIndex(FLOAT, at + k, g);
                    }
                    dot[k] += (double) alpha.getAtIndex(FLOAT, at + k) * g;
                }
            }
            long dst = (long) v * heads;
            for (int q = p0; q < p1; q++) {
                long from = (long) src[q] * heads, at = (long) q * heads;
                for (int k = 0; k < heads; k++) {
                    float ge = 0f + alpha.getAtIndex(FLOAT, at + k)
                            * (weightGrad.getAtIndex(FLOAT, at + k) - (float) dot[k]);
                    float z = sSrc.getAtIndex(FLOAT, from + k) + sDst.getAtIndex(FLOAT, dst + k);
                    float gs = 0f + (z > 0 ? 1f : slope) * ge;
                    scoreGrad.setAtIndex(FLOAT, at + k, gs);
                    targetSum[k] += gs;
                }
            }
            if (dstGrad != null) {
                for (int k = 0; k < heads; k++) {
                    dstGrad.setAtIndex(FLOAT, dst + k, dstGrad.getAtIndex(FLOAT, dst + k) + targetSum[k]);
                }
            }
        }
    }

    @Override
    public void addSegmentSums(int[] ptr, int[] rows, MemorySegment src, MemorySegment out, int f, int segFrom,
                               int segTo) {
        float[] sum = new float[f];
        for (int s = segFrom; s < segTo; s++) {
            if (ptr[s] == ptr[s + 1]) {
                continue;
            }
            java.util.Arrays.fill(sum, 0f);
            for (int p = ptr[s]; p < ptr[s + 1]; p++) {
                long row = (long) (rows == null ? p : rows[p]) * f;
                for (int c = 0; c < f; c++) {
                    sum[c] += src.getAtIndex(FLOAT, row + c);
                }
            }
            long at = (long) s * f;
            for (int c = 0; c < f; c++) {
                out.setAtIndex(FLOAT, at + c, out.getAtIndex(FLOAT, at + c) + sum[c]);
            }
        }
    }
}
