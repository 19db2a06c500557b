package io.gnn4j.layers;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Shared test data: a planted-partition graph, a tiny graph, dense references, and a short training loop. */
public final class LayerFixtures {
    private LayerFixtures() {}

    /** A planted-partition node-classification task. */
    public record Task(Graph graph, Tensor features, int[] labels, int[] train, int classes) {}

    /**
     * n nodes in k equal blocks, each node with ~degIn neighbours in its block and ~degOut outside; features are a
     * noisy one-hot of the block (signal 0.6, noise N(0,1)) in f ≥ k dimensions, so that averaging over
     * neighbours helps.
     */
    public static Task plantedPartition(int n, int k, int f, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] labels = new int[n];
        for (int v = 0; v < n; v++) {
            labels[v] = v % k;
        }
        GraphBuilder b = GraphBuilder.undirected(n);
        for (int v = 0; v < n; v++) {
            for (int t = 0; t < 3; t++) {
                int u = r.nextInt(n / k) * k + labels[v];
                if (u != v) {
                    b.addEdge(v, u);
                }
            }
            if (r.nextInt(2) == 0) {
                int u = r.nextInt(n);
                if (u != v) {
                    b.addEdge(v, u);
                }
            }
        }
        float[] x = new float[n * f];
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < f; c++) {
                x[v * f + c] = (float) r.nextGaussian() + (c == labels[v] ? 0.6f : 0f);
            }
        }
        int[] train = new int[n / 2];
        for (int i = 0; i < train.length; i++) {
            train[i] = 2 * i;
        }
        return new Task(b.build(), Tensor.of(n, f, x), labels, train, k);
    }

    /** A 5-node directed graph with a node without incoming edges (4 → …) and a repeated target. */
    static Graph tiny() {
        return GraphBuilder.directed(5)
                .addEdge(0, 1).addEdge(2, 1).addEdge(3, 1).addEdge(1, 0).addEdge(4, 3).addEdge(3, 2).addEdge(0, 2)
                .build();
    }

    /** Trains for {@code epochs} full-batch Adam steps; returns {first loss, last loss}. */
    static float[] train(GraphModule model, Task task, int epochs, double lr) {
        model.resetParameters(new SplittableRandom(1));
        Adam adam = new Adam(model.parameters(), lr);
        Tape tape = new Tape(3);
        float first = 0, last = 0;
        for (int e = 0; e < epochs; e++) {
            adam.zeroGrad();
            Tensor loss = tape.crossEntropy(model.forward(tape, task.graph(), task.features()), task.labels(),
                    task.train());
            tape.backward(loss);
            adam.step();
            if (e == 0) {
                first = loss.item();
            }
            last = loss.item();
            tape.reset();
        }
        return new float[] {first, last};
    }

    /** Dense Âᵀ of the GCN operator, computed from the definition: Ã = A + I, Â = D̃^{-1/2} Ã D̃^{-1/2}, D̃ in-degrees. */
    static double[][] gcnTransposed(Graph g) {
        int n = g.numNodes();
        double[][] a = new double[n][n];
        int[] rowPtr = g.rowPtr(), col = g.colIdx();
        for (int u = 0; u < n; u++) {
            for (int k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
                a[u][col[k]] += g.weight(k);
            }
        }
        for (int u = 0; u < n; u++) {
            if (a[u][u] == 0) {
                a[u][u] = 1;
            }
        }
        double[] d = new double[n]; // in-degrees (column sums of Ã), PyG's gcn_norm: row sums when Ã is symmetric
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                d[v] += a[u][v];
            }
        }
        double[][] t = new double[n][n];
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                t[v][u] = a[u][v] / Math.sqrt(d[u] * d[v]);
            }
        }
        return t;
    }

    /** The dense product {@code a·b}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    static double[][] dense(Tensor t) {
        double[][] d = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                d[i][j] = t.get(i, j);
            }
        }
        return d;
    }

    static void assertClose(double[][] expected, Tensor actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                double a = actual.get(i, j);
                if (Math.abs(a - expected[i][j]) > tol) {
                    throw new AssertionError("element (" + i + ", " + j + "): expected " + expected[i][j] + " but was " + a);
                }
            }
        }
    }

    /** Runs f on a fresh recording tape, backpropagates Σ out ⊙ w, returns out and the gradients of the inputs. */
    static float[][] outputAndGradients(BiFunction<Tape, Tensor, Tensor> f, Tensor x, Tensor... params) {
        Tape t = new Tape(1);
        Tensor out = f.apply(t, x);
        float[] w = new float[(int) out.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i + 1);
        }
        t.backward(t.sum(t.mul(out, Tensor.of(out.rows(), out.cols(), w))));
        float[][] res = new float[2 + params.length][];
        res[0] = out.toFloatArray();
        res[1] = x.grad().data().asFloat();
        for (int i = 0; i < params.length; i++) {
            res[2 + i] = params[i].grad().data().asFloat();
        }
        x.gradData().fill((byte) 0);
        for (Tensor p : params) {
            p.gradData().fill((byte) 0);
        }
        return res;
    }
}
