package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The ND4J bridge reads and writes tensors in place and computes exactly what graph-core's kernels compute. */
class Nd4jSparseOpsTest {
    static final ExecutionContext CTX = ExecutionContext.withThreads(2);

    static Graph randomDirected(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GraphBuilder b = GraphBuilder.directed(n);
        for (int i = 0; i < m; i++) {
            b.addEdge(r.nextInt(n), r.nextInt(n), (float) r.nextDouble(-2, 2));
        }
        return b.build();
    }

    @Test
    void spmmOnTensorsEqualsTheKernelOnHeapArrays() {
        Graph a = randomDirected(50, 200, 5);
        int f = 33;
        var xt = Nd4j.rand(DataType.FLOAT, 50, f);
        float[] x = xt.data().asFloat();
        var yt = Nd4j.create(DataType.FLOAT, 50, f);
        var tt = Nd4j.create(DataType.FLOAT, 50, f);
        Nd4jSparseOps.spmm(a, xt, yt, CTX);
        Nd4jSparseOps.spmmTranspose(a, xt, tt, CTX);
        float[] y = new float[x.length], t = new float[x.length];
        SparseOps.spmm(a, MemorySegment.ofArray(x), MemorySegment.ofArray(y), f, CTX);
        SparseOps.spmmTranspose(a, MemorySegment.ofArray(x), MemorySegment.ofArray(t), f, CTX);
        assertArrayEquals(y, yt.data().asFloat());
        assertArrayEquals(t, tt.data().asFloat());
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        Graph a = randomDirected(4, 3, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Nd4jSparseOps.spmm(a,
                Nd4j.create(DataType.FLOAT, 4, 2), Nd4j.create(DataType.FLOAT, 3, 2), CTX));
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("[4, 2]"), e.getMessage());
    }

    @Test
    void segmentViewsARowBlockWithoutCopying() {
        var m = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {3, 2}, 'c');
        MemorySegment rows12 = Nd4jViews.segment(m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()));
        assertEquals(4 * Float.BYTES, rows12.byteSize());
        rows12.setAtIndex(ValueLayout.JAVA_FLOAT, 0, 30f);
        assertEquals(30f, m.getFloat(1, 0));
    }

    @Test
    void segmentRejectsColumnViewsAndOtherTypes() {
        var m = Nd4j.create(DataType.FLOAT, 3, 2);
        assertThrows(IllegalArgumentException.class, () -> Nd4jViews.segment(m.getColumn(1)));
        assertThrows(IllegalArgumentException.class, () -> Nd4jViews.segment(Nd4j.create(DataType.DOUBLE, 3, 2)));
    }
}
