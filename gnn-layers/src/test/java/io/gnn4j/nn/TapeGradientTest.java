package io.gnn4j.nn;

import static io.gnn4j.nn.GradCheck.check;
import static io.gnn4j.nn.GradCheck.variable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import org.junit.jupiter.api.Test;

/** Every tape operation's gradient against central finite differences. */
class TapeGradientTest {
    private static Graph smallDirected() {
        return GraphBuilder.directed(5)
                .addEdge(0, 1, 0.5f).addEdge(0, 2, 1.5f).addEdge(1, 2, -0.7f).addEdge(2, 0, 2f)
                .addEdge(3, 2, 1f).addEdge(3, 4, 0.3f).addEdge(4, 4, 1.2f).addEdge(1, 3, 0.9f)
                .build();
    }

    @Test
    void matmulAndLinear() {
        Tensor a = variable(4, 3, 1), b = variable(3, 5, 2), bias = variable(1, 5, 3);
        check(t -> t.matmul(a, b), a, b);
        check(t -> t.linear(a, b, bias), a, b, bias);
        Tensor c = variable(5, 3, 4);
        check(t -> t.matmulTransposed(a, c), a, c);
    }

    @Test
    void broadcastingArithmetic() {
        Tensor a = variable(3, 4, 1), same = variable(3, 4, 2), row = variable(1, 4, 3), col = variable(3, 1, 4),
                one = variable(1, 1, 5);
        for (Tensor b : new Tensor[] {same, row, col, one}) {
            check(t -> t.add(a, b), a, b);
            check(t -> t.sub(a, b), a, b);
            check(t -> t.mul(a, b), a, b);
            check(t -> t.div(a, b), a, b);
        }
        check(t -> t.scale(a, -2.5f), a);
    }

    @Test
    void rowWeightedSumMatchesItsUnfusedForm() {
        Tensor x0 = variable(3, 4, 21), x1 = variable(3, 4, 22), x2 = variable(3, 4, 23), w = variable(3, 3, 24);
        check(t -> t.rowWeightedSum(w, x0, x1, x2), w, x0, x1, x2);
        Tape tape = new Tape(0);
        Tensor fused = tape.rowWeightedSum(w, x0, x1, x2);
        Tensor unfused = tape.mul(x0, tape.sliceColumns(w, 0, 1));
        unfused = tape.add(unfused, tape.mul(x1, tape.sliceColumns(w, 1, 2)));
        unfused = tape.add(unfused, tape.mul(x2, tape.sliceColumns(w, 2, 3)));
        assertArrayEquals(unfused.toFloatArray(), fused.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> tape.rowWeightedSum(w, x0, x1));
    }

    @Test
    void activations() {
        Tensor x = variable(4, 5, 11);
        check(t -> t.relu(x), x);
        check(t -> t.leakyRelu(x, 0.2f), x);
        check(t -> t.elu(x, 1.3f), x);
        check(t -> t.selu(x), x);
        check(t -> t.tanh(x), x);
        check(t -> t.sigmoid(x), x);
        check(t -> t.softmax(x), x);
        check(t -> t.logSoftmax(x), x);
    }

    @Test
    void dropoutWithAFixedMask() {
        Tensor x = variable(6, 7, 12);
        check(t -> t.dropout(x, 0.4f, true), x);
    }

    @Test
    void batchNormTrainingAndInference() {
        Tensor x = variable(5, 3, 61), gamma = variable(1, 3, 62), beta = variable(1, 3, 63);
        check(t -> t.batchNorm(x, gamma, beta, 1e-5f), 1e-3, 2e-3, 1e-2, x, gamma, beta);
        float[] mean = {0.3f, -0.2f, 0.1f}, var = {0.5f, 1.7f, 0.05f};
        check(t -> t.batchNormInference(x, gamma, beta, mean, var, 1e-5f), x, gamma, beta);
        // Inputs composed before the normalisation: gradients flow through x into its producer.
        Tensor w = variable(3, 3, 64);
        check(t -> t.tanh(t.batchNorm(t.matmul(x, w), gamma, beta, 1e-3f)), 1e-3, 2e-3, 1e-2, x, w, gamma, beta);
    }

    @Test
    void shapesAndReductions() {
        Tensor a = variable(3, 4, 1), b = variable(3, 2, 2);
        check(t -> t.concat(a, b, a), a, b);
        check(t -> t.sliceColumns(a, 1, 3), a);
        check(t -> t.reshape(a, 6, 2), a);
        check(t -> t.sum(a), a);
        check(t -> t.mean(a), a);
        check(t -> t.sumRows(a), a);
        check(t -> t.l2Norm(a), a);
        check(t -> t.normalizeRows(a, 1e-12f), a);
        check(t -> t.sumGroups(a, 2), a);
        check(t -> t.meanGroups(a, 2), a);
    }

    @Test
    void gatherAndScatter() {
        Tensor x = variable(4, 3, 21);
        int[] idx = {2, 0, 2, 3, 2, 1};
        check(t -> t.gatherRows(x, idx), x);
        Tensor src = variable(6, 3, 22);
        int[] seg = {1, 0, 1, 3, 1, 0};
        check(t -> t.scatterSum(src, seg, 5), src);
        check(t -> t.scatterMean(src, seg, 5), src);
        check(t -> t.scatterMax(src, seg, 5), src);
        check(t -> t.segmentSoftmax(src, seg, 5), src);
    }

    @Test
    void sparseOperators() {
        Graph g = smallDirected();
        Tensor x = variable(5, 3, 31), y = variable(5, 3, 32);
        check(t -> t.spmm(g, x), x);
        check(t -> t.spmmTranspose(g, x), x);
        check(t -> t.sddmm(g, x, y), x, y);
        Tensor w = variable(g.numEntries(), 2, 33);
        Tensor x4 = variable(5, 4, 34);
        check(t -> t.edgeAggregate(g, w, x4), w, x4);
        check(t -> t.uAddV(g, x, y), x, y);
        for (int d = 1; d <= 3; d++) {
            int dd = d;
            Tensor blocks = variable(g.numEntries(), d * d, 35 + d), xb = variable(5 * d, 3, 38 + d);
            check(t -> t.blockSpmm(g, blocks, dd, xb), blocks, xb);
        }
    }

    @Test
    void customOperationsRecordTheirBackward() {
        Tensor x = variable(3, 2, 51);
        // y = x³ elementwise through the extension point, backward 3x²·ȳ
        check(t -> t.custom(3, 2, out -> {
            for (int i = 0; i < 6; i++) {
                float v = x.data().getAtIndex(Tensor.F, i);
                out.setAtIndex(Tensor.F, i, v * v * v);
            }
        }, g -> t.addToGradient(x, into -> {
            for (int i = 0; i < 6; i++) {
                float v = x.data().getAtIndex(Tensor.F, i);
                into.setAtIndex(Tensor.F, i, 3 * v * v * g.getAtIndex(Tensor.F, i));
            }
        }), x), x);
    }

    @Test
    void losses() {
        Tensor z = variable(5, 3, 41);
        int[] labels = {0, 2, 1, 1, 0};
        check(t -> t.crossEntropy(z, labels, new int[] {1, 3, 4}), z);
        check(t -> t.crossEntropy(z, labels, null), z);
        Tensor target = Tensor.of(5, 3, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0.5f, 0, 1, 0, 1, 0);
        check(t -> t.bceWithLogits(z, target), z);
        Tensor pos = variable(4, 1, 42), neg = variable(4, 1, 43);
        check(t -> t.bpr(pos, neg), pos, neg);
        Tensor p = variable(3, 2, 44), q = variable(3, 2, 45);
        check(t -> t.mse(p, q), p, q);
        check(t -> t.l1(p, q), p, q);
    }

    @Test
    void reusedInputsAccumulateGradients() {
        Tensor a = variable(3, 3, 51);
        check(t -> t.mul(t.tanh(a), t.matmul(a, a)), a);
        check(t -> t.matmulTransposed(a, a), a); // Gram matrix: both operands' gradients land in one buffer
    }
}
