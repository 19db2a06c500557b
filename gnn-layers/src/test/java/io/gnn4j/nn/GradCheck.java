package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Central finite-difference gradient checks: the scalar L = Σ out ⊙ R (R a fixed random matrix, so every output
 * element gets a distinct weight) is differentiated by the tape and by {@code (L(x+h) − L(x−h)) / 2h} per input
 * element, L accumulated in double.
 */
public final class GradCheck {
    private GradCheck() {}

    /** A rows×cols variable with values uniform in ±[0.1, 1] (kept away from the kinks at 0). */
    public static Tensor variable(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            float m = 0.1f + 0.9f * r.nextFloat();
            v[i] = r.nextBoolean() ? m : -m;
        }
        Tensor t = Tensor.variable(Tensor.of(rows, cols, v).value());
        return t;
    }

    /** Checks the gradient of every element of every input with step 1e-2 and tolerance 1e-3 + 5e-3·|g|. */
    public static void check(Function<Tape, Tensor> f, Tensor... inputs) {
        check(f, 1e-2, 1e-3, 5e-3, inputs);
    }

    public static void check(Function<Tape, Tensor> f, double h, double atol, double rtol, Tensor... inputs) {
        for (Tensor x : inputs) {
            if (x.grad() != null) {
                x.gradData().fill((byte) 0);
            }
        }
        Tape tape = new Tape(7);
        Tensor out = f.apply(tape);
        float[] weights = new float[(int) out.size()];
        SplittableRandom r = new SplittableRandom(99);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (r.nextDouble() * 2 - 1);
        }
        Tensor w = Tensor.of(out.rows(), out.cols(), weights);
        tape.backward(tape.sum(tape.mul(out, w)));
        for (int k = 0; k < inputs.length; k++) {
            Tensor x = inputs[k];
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    float orig = x.get(i, j);
                    x.set(i, j, (float) (orig + h));
                    double plus = weighted(f, weights);
                    x.set(i, j, (float) (orig - h));
                    double minus = weighted(f, weights);
                    x.set(i, j, orig);
                    double numeric = (plus - minus) / (2 * h);
                    double analytic = x.gradAt(i, j);
                    assertTrue(Math.abs(numeric - analytic) <= atol + rtol * Math.abs(numeric),
                            "input " + k + " element (" + i + ", " + j + "): analytic " + analytic + " vs numeric "
                                    + numeric);
                }
            }
        }
    }

    private static double weighted(Function<Tape, Tensor> f, float[] weights) {
        Tape t = new Tape(7);
        Tensor out = f.apply(t);
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += (double) weights[i] * out.data().getAtIndex(Tensor.F, i);
        }
        return s;
    }
}
