package io.gnn4j.sheaf;

import static io.gnn4j.nn.GradCheck.check;
import static io.gnn4j.nn.GradCheck.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.graph.Graph;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The learner's maps against Φ(x_u, x_v) = tanh(W·[x_u ‖ x_v]) written out per entry with the concatenation (and,
 * for O(d), the edge weights sigmoid(a·[x_u ‖ x_v])·sigmoid(a·[x_v ‖ x_u])), and its gradients to the features and
 * to the weights against finite differences, for the three map families.
 */
class SheafLearnerTest {
    private static final int IN = 3;

    @Test
    void diagonalMapsAreTheConcatenationFormula() {
        assertMatchesConcatenation(RestrictionMaps.DIAGONAL, 3);
    }

    @Test
    void orthogonalMapsAreTheConcatenationFormula() {
        assertMatchesConcatenation(RestrictionMaps.ORTHOGONAL, 3);
    }

    @Test
    void generalMapsAreTheConcatenationFormula() {
        assertMatchesConcatenation(RestrictionMaps.GENERAL, 2);
    }

    @Test
    void gradientsOfEveryFamilyMatchFiniteDifferences() {
        Graph g = SheafLaplacianTest.graph();
        SheafLaplacian lap = SheafLaplacian.of(g, 3);
        for (RestrictionMaps type : new RestrictionMaps[] {RestrictionMaps.DIAGONAL, RestrictionMaps.ORTHOGONAL,
                RestrictionMaps.GENERAL}) {
            SheafLearner learner = learner(type, 3);
            Tensor x = variable(g.numNodes(), IN, 5);
            Tensor[] inputs = new Tensor[learner.parameters().size() + 1];
            inputs[0] = x;
            for (int i = 1; i < inputs.length; i++) {
                inputs[i] = learner.parameters().get(i - 1);
            }
            check(t -> learner.forward(t, g, lap, x), inputs);
        }
    }

    private static SheafLearner learner(RestrictionMaps type, int d) {
        SheafLearner learner = new SheafLearner(type, d, IN);
        learner.resetParameters(new SplittableRandom(3));
        return learner;
    }

    private static void assertMatchesConcatenation(RestrictionMaps type, int d) {
        Graph g = SheafLaplacianTest.graph();
        SheafLaplacian lap = SheafLaplacian.of(g, d);
        SheafLearner learner = learner(type, d);
        Tensor x = variable(g.numNodes(), IN, 9);
        Tensor maps = learner.forward(Tape.noGrad(), g, lap, x);
        Map<String, Parameter> p = learner.namedParameters();
        Tensor w = p.get("maps.weight");
        int m = type.parametersPerIncidence(d), e = g.numEntries();
        float[] raw = new float[e * m];
        float[] weight = new float[e];
        for (int u = 0; u < g.numNodes(); u++) {
            for (int k = g.rowPtr()[u]; k < g.rowPtr()[u + 1]; k++) {
                int v = g.colIdx()[k];
                for (int j = 0; j < m; j++) {
                    raw[k * m + j] = (float) Math.tanh(concatenated(x, u, v, w, j));
                }
                if (type == RestrictionMaps.ORTHOGONAL) {
                    Tensor a = p.get("edgeWeights.weight");
                    weight[k] = (float) (sigmoid(concatenated(x, u, v, a, 0)) * sigmoid(concatenated(x, v, u, a, 0)));
                }
            }
        }
        int dd = d * d;
        Tensor householder = type == RestrictionMaps.ORTHOGONAL
                ? Householder.apply(Tape.noGrad(), Tensor.of(e, m, raw), d) : null;
        for (int k = 0; k < e; k++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double expected = switch (type) {
                        case DIAGONAL -> i == j ? raw[k * m + i] : 0;
                        case GENERAL -> raw[k * m + i * d + j];
                        case ORTHOGONAL -> householder.get(k, i * d + j) * weight[k];
                        case IDENTITY -> throw new AssertionError();
                    };
                    assertEquals(expected, maps.get(k, i * d + j), 1e-5, type + " entry " + k + " (" + i + ", " + j
                            + ")");
                }
            }
        }
        assertEquals(e, maps.rows());
        assertEquals(dd, maps.cols());
    }

    /** Column j of [x_u ‖ x_v]·W, in double. */
    private static double concatenated(Tensor x, int u, int v, Tensor w, int j) {
        double s = 0;
        for (int c = 0; c < IN; c++) {
            s += x.get(u, c) * w.get(c, j) + x.get(v, c) * w.get(IN + c, j);
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
