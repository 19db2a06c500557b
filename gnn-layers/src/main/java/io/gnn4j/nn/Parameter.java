package io.gnn4j.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trainable tensor owned by a {@link Module}: it owns its value and a gradient buffer of the same shape, into which
 * {@link Tape#backward} accumulates and which {@link Optimizer#zeroGrad()} clears. Created zero-filled; a module's
 * {@code resetParameters} fills it with an {@link Init initialiser}.
 */
public final class Parameter extends Tensor {
    /** A zero-filled rows×cols parameter with a zero gradient. */
    public Parameter(int rows, int cols) {
        super(Nd4j.create(DataType.FLOAT, rows, cols), true);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a parameter needs at least one row and one column, got " + rows + "×"
                    + cols);
        }
        attachGrad(Nd4j.create(DataType.FLOAT, rows, cols));
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        gradData.fill((byte) 0);
    }

    /** Copies {@code values} (row-major, length rows·cols) into the value. */
    public void copyFrom(float[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("values has length " + values.length + " but the parameter has " + size()
                    + " elements");
        }
        for (int i = 0; i < values.length; i++) {
            data.setAtIndex(F, i, values[i]);
        }
    }
}
