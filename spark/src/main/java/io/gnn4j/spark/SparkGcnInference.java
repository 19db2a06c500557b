package io.gnn4j.spark;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.graph.Normalization;
import io.gnn4j.graph.SelfLoops;
import io.gnn4j.graph.SparseOps;
import io.gnn4j.layers.Activation;
import io.gnn4j.layers.Dropout;
import io.gnn4j.layers.GCNConv;
import io.gnn4j.layers.GraphModule;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.io.Serializable;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Full-graph inference of a trained GCN (Kipf &amp; Welling, ICLR 2017; {@link GCNConv}) on a
 * {@link PartitionedGraph}: the model's {@link Sequential} is compiled on the driver into row-wise dense steps
 * (X·Θ, + b, activations, run per partition on gnn4j's {@link Tape}) and one propagation
 * {@code Â·(XΘ)} per GCN layer, a round of the {@link HaloExchange} with one graph-core SpMM per block.
 *
 * <p>The block's operator is graph-core's {@code D̃^{-1/2}(A+I)D̃^{-1/2}} of the block graph: exact for the owned
 * columns, and for a ghost column v missing the factor {@code d̃_v^{-1/2}} (the block does not know remote
 * degrees) — which the owner of v applies to the rows it ships. The graph must be undirected (GCN's Âᵀ = Â).
 * Dropout is the identity at inference and is skipped; the supported modules are GCNConv (normalised), Dropout
 * and {@link Activation} layers.
 */
public final class SparkGcnInference {
    private SparkGcnInference() {}

    /** One step of the compiled model. */
    sealed interface Step extends Serializable permits Convolution, Nonlinearity {}

    /** A GCN layer: Θ (in×out, row-major) and b (out, or null). */
    record Convolution(int in, int out, float[] weight, float[] bias) implements Step {}

    /** A row-wise activation. */
    record Nonlinearity(Activation activation) implements Step {}

    /** One partition's rows and, for a propagation, the pre-scaled rows its neighbours receive. */
    record State(GraphBlock block, float[] rows, int width, float[] halo) implements BlockRows {
        @Override
        public float[] haloRows() {
            return halo == null ? rows : halo;
        }
    }

    /** The per-partition outputs (logits) and the time and shuffle of every propagation round. */
    public record Result(JavaRDD<? extends BlockRows> outputs, int width, List<PropagationRound> rounds) {}

    /**
     * The GCN of Kipf &amp; Welling as gnn4j's node benchmarks build it, so that their trained state dicts load:
     * [Dropout(p) → GCNConv → ReLU] per hidden layer, then Dropout(p) → GCNConv to the classes; widths
     * {@code F, hidden..., C}.
     */
    public static Sequential kipfGcn(float dropout, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("a GCN needs at least the input and output widths, got "
                    + Arrays.toString(widths));
        }
        List<GraphModule> steps = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            steps.add(new Dropout(dropout));
            steps.add(new GCNConv(widths[i], widths[i + 1]));
            if (i + 2 < widths.length) {
                steps.add(Activation.RELU.module());
            }
        }
        return new Sequential(steps.toArray(GraphModule[]::new));
    }

    /** The model's steps with copies of its parameters (Dropout skipped); unsupported modules are an error. */
    static List<Step> compile(Sequential model) {
        List<Step> steps = new ArrayList<>();
        for (GraphModule m : model.steps()) {
            switch (m) {
                case Dropout d -> { }
                case Activation.Layer a -> steps.add(new Nonlinearity(a.activation()));
                case GCNConv c when c.normalizes() -> steps.add(new Convolution(c.weight().rows(), c.weight().cols(),
                        c.weight().toFloatArray(), c.bias() == null ? null : c.bias().toFloatArray()));
                default -> throw new IllegalArgumentException("partitioned inference supports normalised GCNConv, "
                        + "Dropout and Activation layers, got " + m);
            }
        }
        return steps;
    }

    /** Runs the model on the features (F = the first layer's input width) and returns the logits per partition. */
    public static Result run(PartitionedGraph graph, Sequential model, JavaRDD<NodeFeatures.Block> features,
                             ShuffleMeter meter) {
        if (!graph.isUndirected()) {
            throw new IllegalArgumentException("GCN inference needs an undirected graph (Âᵀ = Â); this one is "
                    + "directed: load the edges with undirected = true");
        }
        List<Step> steps = compile(model);
        JavaRDD<State> states = features.map(f -> new State(f.block(), f.rows(), f.width(), null));
        states.persist(StorageLevel.MEMORY_ONLY());
        states.count();
        List<PropagationRound> rounds = new ArrayList<>();
        int width = -1;
        for (Step step : steps) {
            JavaRDD<State> prev = states;
            switch (step) {
                case Nonlinearity a -> states = prev.map(s -> new State(s.block(),
                        dense(s.rows(), s.block().numLocal(), s.width(), (t, x) -> a.activation().apply(t, x)),
                        s.width(), null));
                case Convolution c -> {
                    long t0 = System.nanoTime();
                    long before = meter.bytesWritten();
                    JavaRDD<State> transformed = prev.map(s -> transform(s, c));
                    transformed.persist(StorageLevel.MEMORY_ONLY());
                    states = HaloExchange.round(transformed, graph.ranges(), (s, ext) -> propagate(s, ext, c));
                    rounds.add(new PropagationRound(rounds.size() + 1, (System.nanoTime() - t0) / 1_000_000,
                            meter.bytesWritten() - before, graph.boundaryRowsPerRound() * c.out() * Float.BYTES));
                    width = c.out();
                }
            }
            if (step instanceof Nonlinearity) {
                states.persist(StorageLevel.MEMORY_ONLY());
                states.count();
            }
            prev.unpersist(false);
        }
        return new Result(states, width, rounds);
    }

    /** XΘ on the partition's rows, and the rows scaled by {@code d̃^{-1/2}} for the neighbours. */
    private static State transform(State s, Convolution c) {
        if (s.width() != c.in()) {
            throw new IllegalArgumentException("the layer expects " + c.in() + " input columns, the rows have "
                    + s.width());
        }
        GraphBlock b = s.block();
        int m = b.numLocal();
        float[] z = dense(s.rows(), m, c.in(), (t, x) -> t.matmul(x, Tensor.of(c.in(), c.out(), c.weight())));
        double[] deg = Normalization.degrees(withSelfLoops(b));
        float[] halo = new float[z.length];
        for (int u = 0; u < m; u++) {
            double right = deg[u] > 0 ? Math.pow(deg[u], -0.5) : 0;
            for (int k = u * c.out(); k < (u + 1) * c.out(); k++) {
                halo[k] = (float) (z[k] * right);
            }
        }
        return new State(b, z, c.out(), halo);
    }

    /** {@code Â·(XΘ) + b} on the owned rows, from the extended rows (owned XΘ, pre-scaled ghost rows). */
    private static State propagate(State s, float[] ext, Convolution c) {
        GraphBlock b = s.block();
        int m = b.numLocal();
        Graph op = Normalization.symmetric(withSelfLoops(b));
        float[] out = new float[ext.length];
        SparseOps.spmm(op, MemorySegment.ofArray(ext), MemorySegment.ofArray(out), c.out(),
                ExecutionContext.withThreads(1));
        float[] h = Arrays.copyOf(out, m * c.out());
        if (c.bias() != null) {
            h = dense(h, m, c.out(), (t, x) -> t.add(x, Tensor.of(1, c.out(), c.bias())));
        }
        return new State(b, h, c.out(), null);
    }

    /** The block graph with GCN's self loops (A + I, existing loops kept), as {@code Normalization.gcn} builds it. */
    private static Graph withSelfLoops(GraphBlock b) {
        return GraphBuilder.from(b.graph()).selfLoops(SelfLoops.ADD).build();
    }

    /** A dense tape operation on rows×cols row-major values, returned as a row-major array. */
    private static float[] dense(float[] x, int rows, int cols, BiFunction<Tape, Tensor, Tensor> f) {
        if (rows == 0) {
            return new float[0];
        }
        Tape tape = Tape.noGrad(ExecutionContext.withThreads(1));
        return f.apply(tape, Tensor.of(rows, cols, x)).toFloatArray();
    }
}
