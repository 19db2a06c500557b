package io.gnn4j.nn;

import io.gnn4j.graph.CsrMatrix;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense float32 matrix (rows × cols, row-major) taking part in automatic differentiation: its value lives in
 * ND4J memory, read and written by the kernels through a {@link MemorySegment} view; its gradient ∂loss/∂value, of the
 * same shape, is filled by {@link Tape#backward}. Scalars are 1×1, row vectors (biases) 1×F. Tensors produced by a
 * {@link Tape} live in the tape's buffer pool and are recycled by {@link Tape#reset()}; they get an ND4J
 * {@link INDArray} over that memory only when {@link #value()} or {@link #grad()} asks for one (an ND4J array holds a
 * native shape buffer that only the garbage collector frees, so making one per operation piles them up).
 * {@link Parameter}s and tensors made by the static factories here own their memory. A constant made by
 * {@link #ofSparse} also keeps its non-zeros in CSR form, which products and dropout use.
 */
public class Tensor {
    static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    final int rows;
    final int cols;
    final MemorySegment data;
    final boolean requiresGrad;
    /** Whether value and gradient belong to a tape's buffer pool (recycled on reset). */
    final boolean pooled;
    /** The pooled buffers holding value and gradient, or null (owned memory, empty tensors, no gradient yet). */
    final DataBuffer pooledValue;
    DataBuffer pooledGrad;
    MemorySegment gradData;
    /** Whether {@link Tape#backward} keeps this intermediate tensor's gradient after using it. */
    boolean retainsGrad;
    /**
     * The value's non-zeros, for constants made by {@link #ofSparse} and their dropout; products with this tensor and
     * dropout on it then cost O(non-zeros). Null otherwise.
     */
    CsrMatrix sparse;
    /** ND4J arrays over value and gradient: given or owned, or made on demand over pooled buffers. */
    private INDArray value;
    private INDArray grad;

    /** A tensor over a pooled buffer of at least rows·cols floats (null when rows·cols = 0). */
    Tensor(int rows, int cols, DataBuffer pooledValue, boolean requiresGrad) {
        this.rows = rows;
        this.cols = cols;
        this.pooled = true;
        this.pooledValue = pooledValue;
        this.data = segment(pooledValue, rows, cols);
        this.requiresGrad = requiresGrad;
    }

    Tensor(INDArray value, boolean requiresGrad) {
        if (value.rank() != 2) {
            throw new IllegalArgumentException("a tensor must be a matrix, got rank " + value.rank());
        }
        this.rows = Math.toIntExact(value.size(0));
        this.cols = Math.toIntExact(value.size(1));
        this.value = value;
        this.data = Nd4jViews.segment(value);
        this.requiresGrad = requiresGrad;
        this.pooled = false;
        this.pooledValue = null;
    }

    /** A constant (no gradient) wrapping {@code value}, which must be a contiguous row-major float32 matrix; no copy. */
    public static Tensor constant(INDArray value) {
        return new Tensor(value, false);
    }

    /** A leaf that receives a gradient in {@link Tape#backward}, wrapping {@code value}; no copy. */
    public static Tensor variable(INDArray value) {
        return new Tensor(value, true);
    }

    /** A constant rows×cols tensor holding a copy of {@code values} (row-major, length rows·cols). */
    public static Tensor of(int rows, int cols, float... values) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("values has length " + values.length + " but rows×cols = "
                    + (long) rows * cols);
        }
        INDArray a = Nd4j.create(DataType.FLOAT, rows, cols);
        Tensor t = new Tensor(a, false);
        MemorySegment.copy(MemorySegment.ofArray(values), 0, t.data, 0, (long) values.length * Float.BYTES);
        return t;
    }

    /**
     * A constant like {@link #of} whose non-zeros are also indexed (CSR), for sparse inputs such as bag-of-words node
     * features (Kipf &amp; Welling's reference GCN takes its features as a sparse matrix): {@link Tape#matmul} and
     * {@link Tape#linear} with it on the left become sparse-dense products, O(non-zeros·out) instead of a GEMM over
     * every element, and {@link Tape#dropout} on it draws masks for the non-zeros only — the same mask and the same
     * bits as on the dense tensor, and its output stays indexed. The products round differently from the GEMM (each
     * output a sum over the non-zeros in column order). The value is fixed: {@link #set} refuses and {@link #data()}
     * is read-only.
     */
    public static Tensor ofSparse(int rows, int cols, float... values) {
        Tensor t = of(rows, cols, values);
        t.sparse = CsrMatrix.fromDense(t.data, rows, cols);
        return t;
    }

    /** Whether this tensor's non-zeros are indexed ({@link #ofSparse}, or dropout on such a tensor). */
    public boolean isSparse() {
        return sparse != null;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of elements rows·cols. */
    public long size() {
        return (long) rows * cols;
    }

    /** Whether {@link Tape#backward} computes a gradient for this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The value; no copy (writing into it changes the tensor; a sparse tensor's value must not be written). */
    public INDArray value() {
        if (value == null) {
            value = matrix(pooledValue, rows, cols);
        }
        return value;
    }

    /** The off-heap view of the value, {@link #size()} floats row-major; no copy (read-only when sparse). */
    public MemorySegment data() {
        return sparse == null ? data : data.asReadOnly();
    }

    /**
     * The gradient after {@link Tape#backward}, or {@code null} when none reached this tensor or it is an intermediate
     * tensor whose gradient was not retained ({@link #retainGrad()}); no copy.
     */
    public INDArray grad() {
        if (grad == null && gradData != null) {
            grad = matrix(pooledGrad, rows, cols);
        }
        return grad;
    }

    /**
     * Keeps this tape tensor's gradient readable after {@link Tape#backward}, as PyTorch's {@code retain_grad()}: by
     * default backward hands an intermediate gradient back to the tape's pool once the operation that produced the
     * tensor has used it. Leaves ({@link #variable}, parameters) always keep their gradients. Returns this tensor.
     */
    public Tensor retainGrad() {
        retainsGrad = true;
        return this;
    }

    /** The off-heap view of the gradient, or {@code null}; no copy. */
    public MemorySegment gradData() {
        return gradData;
    }

    /** Element (r, c) of the value. */
    public float get(int r, int c) {
        return data.getAtIndex(F, (long) r * cols + c);
    }

    /** Sets element (r, c) of the value. */
    public void set(int r, int c, float v) {
        if (sparse != null) {
            throw new IllegalStateException("the value of a sparse tensor is fixed: its non-zeros are indexed");
        }
        data.setAtIndex(F, (long) r * cols + c, v);
    }

    /** Element (r, c) of the gradient (0 when there is none). */
    public float gradAt(int r, int c) {
        return gradData == null ? 0f : gradData.getAtIndex(F, (long) r * cols + c);
    }

    /** The single value of a 1×1 tensor. */
    public float item() {
        if (rows != 1 || cols != 1) {
            throw new IllegalArgumentException("item() needs a 1×1 tensor, got " + rows + "×" + cols);
        }
        return data.getAtIndex(F, 0);
    }

    /** A heap copy of the value, row-major. */
    public float[] toFloatArray() {
        return data.toArray(F);
    }

    /** Row-wise argmax of the value (ties go to the lowest column). */
    public int[] argmaxRows() {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            long base = (long) r * cols;
            int best = 0;
            float bv = data.getAtIndex(F, base);
            for (int c = 1; c < cols; c++) {
                float v = data.getAtIndex(F, base + c);
                if (v > bv) {
                    bv = v;
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** Sets the gradient buffer (allocated once by the owner, e.g. a parameter). */
    void attachGrad(INDArray g) {
        this.grad = g;
        this.gradData = Nd4jViews.segment(g);
    }

    /** Sets the gradient to a buffer of the tape's pool (null when the tensor is empty). */
    void attachPooledGrad(DataBuffer g) {
        this.pooledGrad = g;
        this.gradData = segment(g, rows, cols);
    }

    /** Takes the pooled gradient buffer away (for the pool to recycle): the tensor has no gradient afterwards. */
    DataBuffer detachPooledGrad() {
        DataBuffer g = pooledGrad;
        pooledGrad = null;
        gradData = null;
        grad = null;
        return g;
    }

    /** A view of the first rows·cols floats of a pooled buffer ({@link MemorySegment#NULL} for null). */
    static MemorySegment segment(DataBuffer buffer, int rows, int cols) {
        return buffer == null ? MemorySegment.NULL
                : MemorySegment.ofAddress(buffer.address()).reinterpret((long) rows * cols * Float.BYTES);
    }

    private static INDArray matrix(DataBuffer buffer, int rows, int cols) {
        return buffer == null ? Nd4j.create(DataType.FLOAT, rows, cols)
                : Nd4j.create(buffer, new long[] {rows, cols}, new long[] {cols, 1}, 0, 'c');
    }

    @Override
    public String toString() {
        return "Tensor(" + rows + "×" + cols + (requiresGrad ? ", grad" : "") + ")";
    }
}
