package io.gnn4j.nn;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.SparseOps;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * graph-core's SpMM ({@code Y = A·X}, {@code Y = Aᵀ·X}; see {@link SparseOps}) on ND4J tensors: checks that X and
 * Y are N×F float32 matrices (row-major, contiguous), then runs the kernels on {@link Nd4jViews} of their buffers,
 * so Y is overwritten in place with no copy.
 */
public final class Nd4jSparseOps {
    private Nd4jSparseOps() {}

    /** {@code Y = A·X}: {@code Y[u] = Σ_{u→v} w(u,v)·X[v]} for N×F tensors; Y is overwritten. */
    public static void spmm(Graph a, INDArray x, INDArray y, ExecutionContext ctx) {
        int f = Nd4jViews.columns(x, "X");
        requireShape("Y", Nd4jViews.rows(y), Nd4jViews.columns(y, "Y"), a.numNodes(), f);
        SparseOps.spmm(a, Nd4jViews.segment(x), Nd4jViews.segment(y), f, ctx);
    }

    /** {@code Y = Aᵀ·X}: {@code Y[v] = Σ_{u→v} w(u,v)·X[u]}, the aggregation over incoming edges. */
    public static void spmmTranspose(Graph a, INDArray x, INDArray y, ExecutionContext ctx) {
        spmm(a.transpose(), x, y, ctx);
    }

    private static void requireShape(String name, long rows, long cols, long expectedRows, long expectedCols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new IllegalArgumentException(name + " has shape [" + rows + ", " + cols + "] but expected ["
                    + expectedRows + ", " + expectedCols + "]");
        }
    }
}
