package io.gnn4j.spark;

import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SparseOps;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * FastRP (Chen et al., CIKM 2019; see {@link FastRP}) on a {@link PartitionedGraph}: the initial vectors of each
 * partition's nodes come from FastRP's own generator (they depend only on (seed, node)), every power
 * {@code Nᵢ = M·Nᵢ₋₁} is one round of the {@link HaloExchange} with one graph-core SpMM per block, and each power is
 * combined into the embedding by FastRP's own row steps. The result equals single-JVM FastRP on the same graph and
 * parameters to float rounding (summation order within a row may differ); the final column standardisation adds
 * up FastRP's per-block column statistics on the driver. Not supported here: edge weights and feature columns
 * ({@code propertyRatio > 0}).
 */
public final class SparkFastRP {
    private SparkFastRP() {}

    /** One partition's state: the current power {@code cur} and the embedding so far. */
    record State(GraphBlock block, float[] cur, float[] result, int width) implements BlockRows {
        @Override
        public float[] rows() {
            return cur;
        }
    }

    /** The embedding rows of one partition. */
    record Embedding(GraphBlock block, float[] rows, int width) implements BlockRows {}

    /** The cached per-partition embeddings and the timing and shuffle of every round. */
    public record Result(JavaRDD<? extends BlockRows> embeddings, List<PropagationRound> rounds) {}

    /** Runs FastRP; {@code meter} (registered on the graph's Spark context) measures each round's shuffle. */
    public static Result run(PartitionedGraph graph, FastRPParameters params, ShuffleMeter meter) {
        if (params.propertyDimension() > 0) {
            throw new IllegalArgumentException("propertyRatio " + params.propertyRatio() + " needs node features, "
                    + "which the partitioned FastRP does not take");
        }
        int n = graph.numNodes();
        int d = params.dimension();
        double[] alpha = params.iterationWeights();
        int last = params.effectiveIterations();
        double selfInfluence = params.nodeSelfInfluence();
        JavaRDD<State> states = graph.blocks().map(b -> {
            int m = b.numLocal();
            double[] deg = Arrays.copyOf(Normalization.degrees(b.graph()), m);
            float[] x0 = new float[m * d];
            FastRP.initialRows(params, n, b.first(), deg, x0);
            float[] result = new float[m * d];
            if (selfInfluence != 0) {
                FastRP.addSelfInfluenceRows(selfInfluence, x0, result, 0, m, d);
            }
            return new State(b, x0, result, d);
        });
        states.persist(StorageLevel.MEMORY_ONLY());
        states.count();
        List<PropagationRound> rounds = new ArrayList<>();
        boolean resultIsZero = selfInfluence == 0;
        for (int i = 1; i <= last; i++) {
            double a = alpha[i - 1];
            boolean assign = resultIsZero;
            boolean lastPower = i == last;
            long t0 = System.nanoTime();
            long before = meter.bytesWritten();
            states = HaloExchange.round(states, graph.ranges(), (s, ext) -> {
                GraphBlock b = s.block();
                int m = b.numLocal();
                Graph op = FastRP.operator(b.graph(), params);
                float[] out = new float[ext.length];
                SparseOps.spmm(op, MemorySegment.ofArray(ext), MemorySegment.ofArray(out), d,
                        ExecutionContext.withThreads(1));
                float[] cur = Arrays.copyOf(out, m * d);
                float[] result = s.result().clone();
                FastRP.combineRows(params.normalization(), cur, result, 0, m, d, a, assign, lastPower);
                return new State(b, cur, result, d);
            });
            rounds.add(new PropagationRound(i, (System.nanoTime() - t0) / 1_000_000, meter.bytesWritten() - before,
                    graph.boundaryRowsPerRound() * d * Float.BYTES));
            resultIsZero &= a == 0;
        }
        JavaRDD<Embedding> out = states.map(s -> new Embedding(s.block(), s.result(), d));
        out.persist(StorageLevel.MEMORY_ONLY());
        out.count();
        states.unpersist(false);
        if (params.standardize()) {
            out = standardize(out, n, d);
        }
        return new Result(out, rounds);
    }

    /**
     * FastRP's column standardisation over all partitions: the per-block column sums (then squared deviations)
     * are added on the driver in partition order, so the statistics do not depend on task timing.
     */
    private static JavaRDD<Embedding> standardize(JavaRDD<Embedding> emb, int n, int d) {
        double[] mean = sumInOrder(emb.map(e -> FastRP.columnSums(e.rows(), e.block().numLocal(), d, null))
                .collect(), d, n);
        double[] variance = sumInOrder(emb.map(e -> FastRP.columnSums(e.rows(), e.block().numLocal(), d, mean))
                .collect(), d, n);
        JavaRDD<Embedding> out = emb.map(e -> {
            float[] rows = e.rows().clone();
            FastRP.standardizeRows(rows, e.block().numLocal(), d, mean, variance);
            return new Embedding(e.block(), rows, d);
        });
        out.persist(StorageLevel.MEMORY_ONLY());
        out.count();
        emb.unpersist(false);
        return out;
    }

    /** The element-wise sum of the partitions' vectors, in partition order, divided by n. */
    private static double[] sumInOrder(List<double[]> parts, int d, int n) {
        double[] s = new double[d];
        for (double[] p : parts) {
            for (int c = 0; c < d; c++) {
                s[c] += p[c];
            }
        }
        for (int c = 0; c < d; c++) {
            s[c] /= n;
        }
        return s;
    }
}
