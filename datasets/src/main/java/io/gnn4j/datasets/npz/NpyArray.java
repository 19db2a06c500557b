package io.gnn4j.datasets.npz;

import io.gnn4j.datasets.DatasetFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One NumPy array read from the {@code .npy} format (versions 1.0, 2.0 and 3.0 of
 * <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>): its
 * dtype ({@link NpyDType}), shape, memory order (C or Fortran) and raw element bytes. The {@code toXxxArray}
 * methods return the elements in C (row-major) order whatever the stored order, converting only where no
 * information is lost silently: an integer that does not fit, a float where an integer is expected or a bool byte
 * other than 0/1 raises {@link DatasetFormatException} naming the file, the array and the element. Pickled
 * (object) arrays are rejected when the header is read.
 */
public final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final Path file;
    private final String where;
    private final NpyDType dtype;
    private final long[] shape;
    private final boolean fortranOrder;
    private final byte[] data;
    private final int size;
    private final ByteBuffer buffer;

    private NpyArray(Path file, String where, NpyDType dtype, long[] shape, boolean fortranOrder, byte[] data, int size) {
        this.file = file;
        this.where = where;
        this.dtype = dtype;
        this.shape = shape;
        this.fortranOrder = fortranOrder;
        this.data = data;
        this.size = size;
        this.buffer = ByteBuffer.wrap(data).order(dtype.order());
    }

    /**
     * An array from its parts, e.g. decoded from a pickle; {@code data} (not copied) must hold exactly
     * {@code product(shape) × itemSize} bytes in the given order.
     *
     * @param file  the file it came from (for error messages)
     * @param where the array's name or position in that file (for error messages)
     */
    public static NpyArray of(Path file, String where, NpyDType dtype, long[] shape, boolean fortranOrder, byte[] data)
            throws DatasetFormatException {
        int size = checkedSize(file, where, shape);
        long expected = (long) size * dtype.itemSize();
        if (expected != data.length) {
            throw new DatasetFormatException(file, where, "shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + expected + " data bytes, found " + data.length);
        }
        return new NpyArray(file, where, dtype, shape.clone(), fortranOrder, data, size);
    }

    /**
     * A C-ordered little-endian float32 array ({@code <f4}) of {@code shape} holding a copy of {@code values}, e.g. an
     * N×d embedding to {@link #write}; {@code file} names it in error messages.
     */
    public static NpyArray ofFloats(Path file, long[] shape, float[] values) throws DatasetFormatException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return of(file, "array", new NpyDType('f', Float.BYTES, ByteOrder.LITTLE_ENDIAN), shape, false, bytes.array());
    }

    /**
     * Writes this array as a standalone {@code .npy} file the way {@code numpy.save} does: version 1.0 (2.0 when the
     * header exceeds 65535 bytes), the header dictionary space-padded so that the data starts at a multiple of 64
     * bytes, then the element bytes in their stored byte and memory order. Reading the file back gives an equal array.
     */
    public void write(Path npyFile) throws IOException {
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': (" + shapeLiteral() + "), }";
        int prefix = MAGIC.length + 4;
        int headerLen = (prefix + dict.length() + 1 + 63) / 64 * 64 - prefix;
        boolean v1 = headerLen <= 0xFFFF;
        if (!v1) {
            prefix += 2;
            headerLen = (prefix + dict.length() + 1 + 63) / 64 * 64 - prefix;
        }
        ByteBuffer head = ByteBuffer.allocate(prefix + headerLen).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
        if (v1) {
            head.putShort((short) headerLen);
        } else {
            head.putInt(headerLen);
        }
        head.put((dict + " ".repeat(headerLen - dict.length() - 1) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        try (var out = Files.newOutputStream(npyFile)) {
            out.write(head.array());
            out.write(data);
        }
    }

    /** The shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
    private String shapeLiteral() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return shape.length == 1 ? b + "," : b.toString();
    }

    /** Reads a standalone {@code .npy} file. */
    public static NpyArray read(Path npyFile) throws IOException {
        return parse(npyFile, "array", Files.readAllBytes(npyFile));
    }

    /**
     * Parses the bytes of one {@code .npy} file (or {@code .npz} member).
     *
     * @param where how to name this array in error messages, e.g. {@code member adj_data.npy}
     */
    public static NpyArray parse(Path file, String where, byte[] bytes) throws DatasetFormatException {
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new DatasetFormatException(file, where, "expected the .npy magic \\x93NUMPY, found "
                    + (bytes.length < 6 ? bytes.length + " bytes" : "'" + printable(bytes, 0, 6) + "'"));
        }
        int major = bytes[6] & 0xFF, minor = bytes[7] & 0xFF;
        long headerLen;
        int headerStart;
        if (major == 1 && minor == 0) {
            headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            headerStart = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (bytes.length < 12) {
                throw new DatasetFormatException(file, where, "header length field truncated: file has " + bytes.length
                        + " bytes, expected at least 12");
            }
            headerLen = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new DatasetFormatException(file, where, "expected .npy format version 1.0, 2.0 or 3.0, found "
                    + major + "." + minor);
        }
        if (headerStart + headerLen > bytes.length) {
            throw new DatasetFormatException(file, where, "header of " + headerLen + " bytes runs past the end ("
                    + bytes.length + " bytes in total)");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(file, where, header);
        int dataStart = headerStart + (int) headerLen;
        byte[] data = Arrays.copyOfRange(bytes, dataStart, bytes.length);
        NpyDType dtype;
        try {
            dtype = NpyDType.parse(h.descr);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file, where, e.getMessage());
        }
        return of(file, where, dtype, h.shape, h.fortranOrder, data);
    }

    private static int checkedSize(Path file, String where, long[] shape) throws DatasetFormatException {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new DatasetFormatException(file, where, "negative dimension in shape " + Arrays.toString(shape));
            }
            n = d == 0 ? 0 : n;
            if (n != 0 && d > MAX_ELEMENTS / n) {
                throw new DatasetFormatException(file, where, "shape " + Arrays.toString(shape) + " exceeds the limit of "
                        + MAX_ELEMENTS + " elements");
            }
            n *= d;
        }
        return (int) n;
    }

    /** The file this array came from. */
    public Path file() {
        return file;
    }

    /** How error messages name this array (e.g. {@code member labels.npy}). */
    public String where() {
        return where;
    }

    /** The element type. */
    public NpyDType dtype() {
        return dtype;
    }

    /** The shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Length of dimension {@code d} as an int (every dimension fits, since the element count does). */
    public int dim(int d) {
        return (int) shape[d];
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** Whether the elements are stored in Fortran (column-major) order. */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** A {@link DatasetFormatException} about this array, e.g. for a loader's own checks. */
    public DatasetFormatException error(String problem) {
        return new DatasetFormatException(file, where, problem);
    }

    /**
     * Checks the shape; {@code -1} in {@code expected} matches any length.
     *
     * @return this array
     */
    public NpyArray requireShape(long... expected) throws DatasetFormatException {
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < expected.length; i++) {
            ok = expected[i] < 0 || expected[i] == shape[i];
        }
        if (!ok) {
            StringBuilder s = new StringBuilder("(");
            for (int i = 0; i < expected.length; i++) {
                s.append(i > 0 ? ", " : "").append(expected[i] < 0 ? "*" : Long.toString(expected[i]));
            }
            throw error("expected shape " + s + (expected.length == 1 ? ",)" : ")") + ", found "
                    + Arrays.toString(shape));
        }
        return this;
    }

    /** Elements as int32 in C order; integer or bool dtypes only, each value must fit. */
    public int[] toIntArray() throws DatasetFormatException {
        requireInteger("int32");
        int[] out = new int[size];
        int[] perm = storageIndex();
        for (int i = 0; i < size; i++) {
            long v = integerAt(perm == null ? i : perm[i], i);
            if (v != (int) v) {
                throw error("element " + i + " = " + v + " does not fit in int32");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** Elements as int64 in C order; integer or bool dtypes only (uint64 values must be below 2⁶³). */
    public long[] toLongArray() throws DatasetFormatException {
        requireInteger("int64");
        long[] out = new long[size];
        int[] perm = storageIndex();
        for (int i = 0; i < size; i++) {
            out[i] = integerAt(perm == null ? i : perm[i], i);
        }
        return out;
    }

    /** Elements as float32 in C order (float64 is rounded to the nearest float; integers are converted). */
    public float[] toFloatArray() throws DatasetFormatException {
        requireNumeric("float32");
        float[] out = new float[size];
        int[] perm = storageIndex();
        for (int i = 0; i < size; i++) {
            int s = perm == null ? i : perm[i];
            out[i] = dtype.kind() == 'f' ? (float) floatAt(s) : (float) integerAt(s, i);
        }
        return out;
    }

    /** Elements as float64 in C order (integers are converted). */
    public double[] toDoubleArray() throws DatasetFormatException {
        requireNumeric("float64");
        double[] out = new double[size];
        int[] perm = storageIndex();
        for (int i = 0; i < size; i++) {
            int s = perm == null ? i : perm[i];
            out[i] = dtype.kind() == 'f' ? floatAt(s) : (double) integerAt(s, i);
        }
        return out;
    }

    /** Elements as booleans in C order; bool or integer dtypes whose every value is 0 or 1. */
    public boolean[] toBooleanArray() throws DatasetFormatException {
        requireInteger("bool");
        boolean[] out = new boolean[size];
        int[] perm = storageIndex();
        for (int i = 0; i < size; i++) {
            long v = integerAt(perm == null ? i : perm[i], i);
            if (v != 0 && v != 1) {
                throw error("element " + i + " = " + v + " is not a 0/1 mask value");
            }
            out[i] = v == 1;
        }
        return out;
    }

    /** Elements of an {@code S} or {@code U} array as strings in C order, trailing NULs removed. */
    public String[] toStringArray() throws DatasetFormatException {
        if (dtype.kind() != 'S' && dtype.kind() != 'U') {
            throw error("expected a string dtype (S or U), found " + dtype);
        }
        String[] out = new String[size];
        int[] perm = storageIndex();
        int w = dtype.itemSize();
        for (int i = 0; i < size; i++) {
            int off = (perm == null ? i : perm[i]) * w;
            if (dtype.kind() == 'S') {
                int end = off + w;
                while (end > off && data[end - 1] == 0) {
                    end--;
                }
                out[i] = new String(data, off, end - off, StandardCharsets.ISO_8859_1);
            } else {
                StringBuilder sb = new StringBuilder();
                int chars = w / 4;
                int len = chars;
                while (len > 0 && buffer.getInt(off + 4 * (len - 1)) == 0) {
                    len--;
                }
                for (int c = 0; c < len; c++) {
                    int cp = buffer.getInt(off + 4 * c);
                    if (!Character.isValidCodePoint(cp)) {
                        throw error("element " + i + ": 0x" + Integer.toHexString(cp) + " is not a Unicode code point");
                    }
                    sb.appendCodePoint(cp);
                }
                out[i] = sb.toString();
            }
        }
        return out;
    }

    private void requireInteger(String target) throws DatasetFormatException {
        if (!dtype.isInteger()) {
            throw error("expected an integer or bool dtype (to read as " + target + "), found " + dtype);
        }
    }

    private void requireNumeric(String target) throws DatasetFormatException {
        if (!dtype.isInteger() && dtype.kind() != 'f') {
            throw error("expected a numeric dtype (to read as " + target + "), found " + dtype);
        }
    }

    private long integerAt(int s, int logical) throws DatasetFormatException {
        int off = s * dtype.itemSize();
        long v = switch (dtype.itemSize()) {
            case 1 -> dtype.kind() == 'i' ? data[off] : data[off] & 0xFFL;
            case 2 -> dtype.kind() == 'i' ? buffer.getShort(off) : buffer.getShort(off) & 0xFFFFL;
            case 4 -> dtype.kind() == 'i' ? buffer.getInt(off) : buffer.getInt(off) & 0xFFFFFFFFL;
            default -> buffer.getLong(off);
        };
        if (dtype.kind() == 'u' && dtype.itemSize() == 8 && v < 0) {
            throw error("element " + logical + " = " + Long.toUnsignedString(v) + " does not fit in int64");
        }
        if (dtype.kind() == 'b' && v > 1) {
            throw error("element " + logical + " is a bool byte " + v + ", expected 0 or 1");
        }
        return v;
    }

    private double floatAt(int s) {
        int off = s * dtype.itemSize();
        return dtype.itemSize() == 4 ? buffer.getFloat(off) : buffer.getDouble(off);
    }

    /**
     * For a Fortran-ordered array of two or more dimensions: the storage position of each C-order position;
     * null when the two coincide.
     */
    private int[] storageIndex() {
        if (!fortranOrder || shape.length < 2 || size == 0) {
            return null;
        }
        int nd = shape.length;
        long[] fStride = new long[nd];
        long st = 1;
        for (int d = 0; d < nd; d++) {
            fStride[d] = st;
            st *= shape[d];
        }
        int[] perm = new int[size];
        long[] idx = new long[nd];
        long pos = 0;
        for (int i = 0; i < size; i++) {
            perm[i] = (int) pos;
            // Odometer over the C order: the last dimension runs fastest.
            for (int d = nd - 1; d >= 0; d--) {
                idx[d]++;
                pos += fStride[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                pos -= idx[d] * fStride[d];
                idx[d] = 0;
            }
        }
        return perm;
    }

    private static String printable(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            s.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "NpyArray(" + where + ", " + dtype + ", shape=" + Arrays.toString(shape) + (fortranOrder ? ", fortran" : "")
                + ")";
    }

    /** The three fields of a {@code .npy} header dictionary, parsed strictly from its Python literal. */
    private record Header(String descr, boolean fortranOrder, long[] shape) {
        static Header parse(Path file, String where, String text) throws DatasetFormatException {
            return new HeaderParser(file, where, text).parse();
        }
    }

    /** A recursive-descent reader of exactly the literal numpy writes: {'descr': str, 'fortran_order': bool, 'shape': tuple}. */
    private static final class HeaderParser {
        private final Path file;
        private final String where;
        private final String s;
        private int p;

        HeaderParser(Path file, String where, String s) {
            this.file = file;
            this.where = where;
            this.s = s;
        }

        Header parse() throws DatasetFormatException {
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    p++;
                    break;
                }
                String key = string();
                expect(':');
                skipSpace();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) {
                            throw fail("duplicate key 'descr'");
                        }
                        if (peek() == '[') {
                            throw fail("structured (record) dtypes are not supported");
                        }
                        descr = string();
                    }
                    case "fortran_order" -> {
                        if (fortran != null) {
                            throw fail("duplicate key 'fortran_order'");
                        }
                        fortran = bool();
                    }
                    case "shape" -> {
                        if (shape != null) {
                            throw fail("duplicate key 'shape'");
                        }
                        shape = tuple();
                    }
                    default -> throw fail("unexpected key '" + key + "', expected descr, fortran_order or shape");
                }
                skipSpace();
                if (peek() == ',') {
                    p++;
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}' at offset " + p + ", found " + found());
                }
            }
            skipSpace();
            if (p != s.length() || !s.endsWith("\n")) {
                throw fail("expected only spaces and a final newline after the dictionary, found "
                        + (p < s.length() ? found() : "no newline"));
            }
            if (descr == null || fortran == null || shape == null) {
                throw fail("header lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
            }
            return new Header(descr, fortran, shape);
        }

        private String string() throws DatasetFormatException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw fail("expected a quoted string at offset " + p + ", found " + found());
            }
            int end = s.indexOf(q, p + 1);
            if (end < 0) {
                throw fail("unterminated string at offset " + p);
            }
            String r = s.substring(p + 1, end);
            if (r.indexOf('\\') >= 0) {
                throw fail("escape sequences are not supported in header strings");
            }
            p = end + 1;
            return r;
        }

        private boolean bool() throws DatasetFormatException {
            if (s.startsWith("True", p)) {
                p += 4;
                return true;
            }
            if (s.startsWith("False", p)) {
                p += 5;
                return false;
            }
            throw fail("expected True or False at offset " + p + ", found " + found());
        }

        private long[] tuple() throws DatasetFormatException {
            expect('(');
            long[] dims = new long[0];
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    p++;
                    return dims;
                }
                int start = p;
                while (p < s.length() && Character.isDigit(s.charAt(p)) && p - start < 18) {
                    p++;
                }
                if (p == start || (p < s.length() && Character.isDigit(s.charAt(p)))) {
                    throw fail("expected a dimension at offset " + start + ", found " + found());
                }
                dims = Arrays.copyOf(dims, dims.length + 1);
                dims[dims.length - 1] = Long.parseLong(s, start, p, 10);
                if (p < s.length() && s.charAt(p) == 'L') {
                    p++; // Python 2 long literal
                }
                skipSpace();
                if (peek() == ',') {
                    p++;
                } else if (peek() != ')') {
                    throw fail("expected ',' or ')' in shape at offset " + p + ", found " + found());
                } else if (dims.length == 1 && s.charAt(p - 1) != ',') {
                    throw fail("shape '(" + dims[0] + ")' is not a tuple (missing trailing comma)");
                }
            }
        }

        private void expect(char c) throws DatasetFormatException {
            skipSpace();
            if (peek() != c) {
                throw fail("expected '" + c + "' at offset " + p + ", found " + found());
            }
            p++;
        }

        private void skipSpace() {
            while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\n')) {
                p++;
            }
        }

        private char peek() {
            return p < s.length() ? s.charAt(p) : '\0';
        }

        private String found() {
            return p < s.length() ? "'" + s.charAt(p) + "'" : "end of header";
        }

        private DatasetFormatException fail(String problem) {
            return new DatasetFormatException(file, where, ".npy header: " + problem);
        }
    }
}
