package io.gnn4j.datasets.formats;

import io.gnn4j.datasets.DatasetFormatException;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.datasets.npz.NpyDType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict, non-executing reader of the Python pickles found in Planetoid files: protocols 2–4, only the opcodes
 * such files use, and only four callables — {@code numpy.core.multiarray._reconstruct} with {@code numpy.ndarray},
 * {@code numpy.dtype}, {@code collections.defaultdict(list)} and {@code scipy.sparse.csr_matrix} — which are never
 * looked up or run: they are interpreted into {@link NpyArray}, {@link Map}, {@link List} and {@link PyObject}
 * values. Every length is checked against the bytes that remain, so a damaged file fails with a
 * {@link DatasetFormatException} naming the byte offset instead of allocating or reading past the end.
 */
final class PickleReader {
    /** Python 2 {@code str} and Python 3 {@code str} both become {@link String} (latin-1 for byte strings). */
    record Global(String module, String name) {}

    /** A Python tuple. */
    record Tuple(Object[] items) {
        int size() {
            return items.length;
        }

        Object get(int i) {
            return items[i];
        }
    }

    /** An instance of a whitelisted class made by NEWOBJ, with the state dict BUILD gave it. */
    static final class PyObject {
        final Global cls;
        Map<Object, Object> state;

        PyObject(Global cls) {
            this.cls = cls;
        }
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')}: an array waiting for its BUILD state. */
    private static final class PendingArray {
        NpyArray array;
    }

    /** {@code dtype('i4', 0, 1)}: a dtype waiting for its BUILD state (byte order). */
    private static final class PendingDType {
        final String code;
        NpyDType dtype;

        PendingDType(String code) {
            this.code = code;
        }
    }

    private static final Set<Global> RECONSTRUCT = Set.of(new Global("numpy.core.multiarray", "_reconstruct"),
            new Global("numpy._core.multiarray", "_reconstruct"));
    private static final Global NDARRAY = new Global("numpy", "ndarray");
    private static final Global DTYPE = new Global("numpy", "dtype");
    private static final Set<Global> DEFAULTDICT = Set.of(new Global("collections", "defaultdict"));
    private static final Set<Global> LIST = Set.of(new Global("__builtin__", "list"), new Global("builtins", "list"));
    private static final Set<Global> CSR = Set.of(new Global("scipy.sparse.csr", "csr_matrix"),
            new Global("scipy.sparse._csr", "csr_matrix"), new Global("scipy.sparse", "csr_matrix"));
    private static final Object MARK = new Object();

    private final Path file;
    private final byte[] b;
    private final ByteBuffer buf;
    private int p;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayList<Integer> marks = new ArrayList<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private PickleReader(Path file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Unpickles one object; the whole input must be consumed by it. */
    static Object read(Path file, byte[] bytes) throws DatasetFormatException {
        return new PickleReader(file, bytes).run();
    }

    static boolean isCsr(Global g) {
        return CSR.contains(g);
    }

    private Object run() throws DatasetFormatException {
        while (true) {
            int at = p;
            int op = u8();
            switch (op) {
                case 0x80 -> { // PROTO
                    int v = u8();
                    if (v < 2 || v > 4) {
                        throw fail(at, "pickle protocol " + v + ", expected 2, 3 or 4");
                    }
                }
                case 0x95 -> { // FRAME: framing is transparent here
                    need(8);
                    p += 8;
                }
                case '.' -> { // STOP
                    if (stack.size() != 1 || !marks.isEmpty()) {
                        throw fail(at, "STOP with " + stack.size() + " objects and " + marks.size()
                                + " marks on the stack, expected exactly one object");
                    }
                    if (p != b.length) {
                        throw fail(p, (b.length - p) + " bytes after STOP");
                    }
                    return resolve(at, stack.getFirst());
                }
                case 'c' -> { // GLOBAL "module\nname\n"
                    String module = line(at), name = line(at);
                    push(global(at, module, name));
                }
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop(at), module = pop(at);
                    if (!(module instanceof String m) || !(name instanceof String nm)) {
                        throw fail(at, "STACK_GLOBAL needs two strings");
                    }
                    push(global(at, m, nm));
                }
                case 'q' -> memo.put(u8(), peek(at)); // BINPUT
                case 'r' -> memo.put(nonNegative(at, i32()), peek(at)); // LONG_BINPUT
                case 0x94 -> memo.put(memo.size(), peek(at)); // MEMOIZE
                case 'h' -> push(memoGet(at, u8())); // BINGET
                case 'j' -> push(memoGet(at, nonNegative(at, i32()))); // LONG_BINGET
                case '(' -> { // MARK
                    marks.add(stack.size());
                    stack.add(MARK);
                }
                case ')' -> push(new Tuple(new Object[0])); // EMPTY_TUPLE
                case 0x85, 0x86, 0x87 -> { // TUPLE1..3
                    int n = op - 0x84;
                    Object[] items = new Object[n];
                    for (int i = n - 1; i >= 0; i--) {
                        items[i] = pop(at);
                    }
                    push(new Tuple(items));
                }
                case 't' -> push(new Tuple(popToMark(at).toArray())); // TUPLE
                case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case ']' -> push(new ArrayList<Object>()); // EMPTY_LIST
                case 'N' -> push(null); // NONE
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> { // BININT2
                    need(2);
                    push((long) (buf.getShort(p) & 0xFFFF));
                    p += 2;
                }
                case 'J' -> push((long) i32()); // BININT
                case 0x8a -> { // LONG1
                    int n = u8();
                    if (n > 8) {
                        throw fail(at, "LONG1 of " + n + " bytes exceeds int64");
                    }
                    need(n);
                    long v = 0;
                    for (int i = n - 1; i >= 0; i--) {
                        v = (v << 8) | (b[p + i] & 0xFF);
                    }
                    if (n > 0 && n < 8 && (b[p + n - 1] & 0x80) != 0) {
                        v -= 1L << (8 * n);
                    }
                    p += n;
                    push(v);
                }
                case 'U' -> push(latin1(u8())); // SHORT_BINSTRING
                case 'T' -> push(latin1(nonNegative(at, i32()))); // BINSTRING
                case 'C' -> push(latin1(u8())); // SHORT_BINBYTES
                case 'B' -> push(latin1(nonNegative(at, i32()))); // BINBYTES
                case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
                case 'X' -> push(utf8(nonNegative(at, i32()))); // BINUNICODE
                case 0x81 -> { // NEWOBJ cls args
                    Object args = pop(at), cls = pop(at);
                    if (!(cls instanceof Global g) || !CSR.contains(g) || !(args instanceof Tuple t) || t.size() != 0) {
                        throw fail(at, "NEWOBJ is only supported for scipy's csr_matrix with no arguments");
                    }
                    push(new PyObject(g));
                }
                case 'R' -> { // REDUCE callable args
                    Object args = pop(at), fn = pop(at);
                    push(reduce(at, fn, args));
                }
                case 'b' -> { // BUILD obj state
                    Object state = pop(at);
                    build(at, peek(at), state);
                }
                case 's' -> { // SETITEM
                    Object v = pop(at), k = pop(at);
                    setItem(at, peek(at), k, v);
                }
                case 'u' -> { // SETITEMS
                    List<Object> kv = popToMark(at);
                    if (kv.size() % 2 != 0) {
                        throw fail(at, "SETITEMS with an odd number (" + kv.size() + ") of keys and values");
                    }
                    Object target = peek(at);
                    for (int i = 0; i < kv.size(); i += 2) {
                        setItem(at, target, kv.get(i), kv.get(i + 1));
                    }
                }
                case 'a' -> { // APPEND
                    Object v = pop(at);
                    list(at, peek(at)).add(v);
                }
                case 'e' -> { // APPENDS
                    List<Object> items = popToMark(at);
                    list(at, peek(at)).addAll(items);
                }
                default -> throw fail(at, String.format("opcode 0x%02x is not one Planetoid pickles use", op));
            }
        }
    }

    private Global global(int at, String module, String name) throws DatasetFormatException {
        Global g = new Global(module, name);
        if (RECONSTRUCT.contains(g) || g.equals(NDARRAY) || g.equals(DTYPE) || DEFAULTDICT.contains(g)
                || LIST.contains(g) || CSR.contains(g)) {
            return g;
        }
        throw fail(at, "global " + module + "." + name + " is not allowed (only numpy arrays, scipy CSR matrices, "
                + "defaultdict and list)");
    }

    private Object reduce(int at, Object fn, Object args) throws DatasetFormatException {
        if (!(fn instanceof Global g) || !(args instanceof Tuple t)) {
            throw fail(at, "REDUCE needs a global and a tuple");
        }
        if (RECONSTRUCT.contains(g)) {
            if (t.size() != 3 || !NDARRAY.equals(t.get(0)) || !(t.get(1) instanceof Tuple shape) || shape.size() != 1
                    || !Long.valueOf(0).equals(shape.get(0)) || !"b".equals(t.get(2))) {
                throw fail(at, "_reconstruct expects (ndarray, (0,), 'b')");
            }
            return new PendingArray();
        }
        if (g.equals(DTYPE)) {
            // Python 2 numpy writes dtype('i4', 0, 1), Python 3 numpy dtype('i4', False, True).
            if (t.size() != 3 || !(t.get(0) instanceof String code) || !isFlag(t.get(1), false)
                    || !isFlag(t.get(2), true)) {
                throw fail(at, "dtype expects (code, 0, 1)");
            }
            return new PendingDType(code);
        }
        if (DEFAULTDICT.contains(g)) {
            if (t.size() != 1 || !(t.get(0) instanceof Global f) || !LIST.contains(f)) {
                throw fail(at, "defaultdict expects (list,)");
            }
            return new LinkedHashMap<Object, Object>();
        }
        throw fail(at, "REDUCE of " + g.module() + "." + g.name() + " is not supported");
    }

    private static boolean isFlag(Object o, boolean value) {
        return Boolean.valueOf(value).equals(o) || Long.valueOf(value ? 1 : 0).equals(o);
    }

    private void build(int at, Object obj, Object state) throws DatasetFormatException {
        switch (obj) {
            case PendingDType d -> {
                // (version 3, byte order, subarray, names, fields, elsize -1, alignment -1, flags)
                if (d.dtype != null || !(state instanceof Tuple t) || t.size() != 8 || !Long.valueOf(3).equals(t.get(0))
                        || !(t.get(1) instanceof String endian) || endian.length() != 1 || t.get(2) != null
                        || t.get(3) != null || t.get(4) != null || !Long.valueOf(-1).equals(t.get(5))
                        || !Long.valueOf(-1).equals(t.get(6)) || !(t.get(7) instanceof Long)) {
                    throw fail(at, "dtype state must be (3, '<'|'>'|'|', None, None, None, -1, -1, flags)");
                }
                if (!"<>|".contains(endian)) {
                    throw fail(at, "dtype byte order '" + endian + "', expected <, > or |");
                }
                try {
                    d.dtype = NpyDType.parse(endian + d.code);
                } catch (IllegalArgumentException e) {
                    throw fail(at, e.getMessage());
                }
            }
            case PendingArray a -> {
                // (version 1, shape, dtype, is_fortran, raw bytes)
                if (a.array != null || !(state instanceof Tuple t) || t.size() != 5 || !Long.valueOf(1).equals(t.get(0))
                        || !(t.get(1) instanceof Tuple shape) || !(t.get(2) instanceof PendingDType dt) || dt.dtype == null
                        || !(t.get(3) instanceof Boolean fortran) || !(t.get(4) instanceof String raw)) {
                    throw fail(at, "ndarray state must be (1, shape, dtype, is_fortran, bytes)");
                }
                long[] dims = new long[shape.size()];
                for (int i = 0; i < dims.length; i++) {
                    if (!(shape.get(i) instanceof Long v) || v < 0) {
                        throw fail(at, "ndarray shape entry " + i + " is not a non-negative int");
                    }
                    dims[i] = v;
                }
                a.array = NpyArray.of(file, "pickle offset " + at, dt.dtype, dims, fortran,
                        raw.getBytes(StandardCharsets.ISO_8859_1));
            }
            case PyObject o -> {
                if (o.state != null || !(state instanceof Map<?, ?> m)) {
                    throw fail(at, "csr_matrix state must be a dict, set once");
                }
                @SuppressWarnings("unchecked")
                Map<Object, Object> s = (Map<Object, Object>) m;
                o.state = s;
            }
            case null, default -> throw fail(at, "BUILD on an object that takes no state");
        }
    }

    private void setItem(int at, Object target, Object k, Object v) throws DatasetFormatException {
        if (!(target instanceof Map<?, ?> m)) {
            throw fail(at, "SETITEM(S) on something that is not a dict");
        }
        if (!(k instanceof Long) && !(k instanceof String)) {
            throw fail(at, "dict key must be an int or a string");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) m;
        if (map.containsKey(k)) {
            throw fail(at, "duplicate dict key " + k);
        }
        map.put(k, v);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(int at, Object target) throws DatasetFormatException {
        if (!(target instanceof ArrayList<?> l)) {
            throw fail(at, "APPEND(S) on something that is not a list");
        }
        return (List<Object>) l;
    }

    /** Replaces the pending array/dtype placeholders by their results, recursively (depth-limited). */
    private Object resolve(int at, Object o) throws DatasetFormatException {
        return resolve(at, o, 0);
    }

    private Object resolve(int at, Object o, int depth) throws DatasetFormatException {
        if (depth > 8) {
            throw fail(at, "objects nested deeper than Planetoid files nest them");
        }
        return switch (o) {
            case PendingArray a -> {
                if (a.array == null) {
                    throw fail(at, "an ndarray never received its state");
                }
                yield a.array;
            }
            case PendingDType d -> throw fail(at, "a bare dtype is not a Planetoid object");
            case PyObject obj -> {
                if (obj.state == null) {
                    throw fail(at, "a csr_matrix never received its state");
                }
                Map<Object, Object> r = new LinkedHashMap<>();
                for (Map.Entry<Object, Object> e : obj.state.entrySet()) {
                    r.put(e.getKey(), resolve(at, e.getValue(), depth + 1));
                }
                obj.state = r;
                yield obj;
            }
            case Map<?, ?> m -> {
                Map<Object, Object> r = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    r.put(e.getKey(), resolve(at, e.getValue(), depth + 1));
                }
                yield r;
            }
            case Tuple t -> {
                Object[] items = new Object[t.size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = resolve(at, t.get(i), depth + 1);
                }
                yield new Tuple(items);
            }
            case null, default -> o;
        };
    }

    private List<Object> popToMark(int at) throws DatasetFormatException {
        if (marks.isEmpty()) {
            throw fail(at, "no MARK on the stack");
        }
        int m = marks.removeLast();
        List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop(int at) throws DatasetFormatException {
        if (stack.isEmpty() || stack.getLast() == MARK) {
            throw fail(at, "stack underflow");
        }
        return stack.removeLast();
    }

    private Object peek(int at) throws DatasetFormatException {
        if (stack.isEmpty() || stack.getLast() == MARK) {
            throw fail(at, "stack underflow");
        }
        return stack.getLast();
    }

    private Object memoGet(int at, int i) throws DatasetFormatException {
        if (!memo.containsKey(i)) {
            throw fail(at, "memo entry " + i + " was never stored");
        }
        return memo.get(i);
    }

    private int u8() throws DatasetFormatException {
        need(1);
        return b[p++] & 0xFF;
    }

    private int i32() throws DatasetFormatException {
        need(4);
        int v = buf.getInt(p);
        p += 4;
        return v;
    }

    private int nonNegative(int at, int v) throws DatasetFormatException {
        if (v < 0) {
            throw fail(at, "negative length or index " + v);
        }
        return v;
    }

    private String latin1(int n) throws DatasetFormatException {
        need(n);
        String s = new String(b, p, n, StandardCharsets.ISO_8859_1);
        p += n;
        return s;
    }

    private String utf8(int n) throws DatasetFormatException {
        need(n);
        String s = new String(b, p, n, StandardCharsets.UTF_8);
        p += n;
        return s;
    }

    private String line(int at) throws DatasetFormatException {
        int end = p;
        while (end < b.length && b[end] != '\n' && end - p < 256) {
            end++;
        }
        if (end >= b.length || b[end] != '\n') {
            throw fail(at, "GLOBAL name is not terminated by a newline");
        }
        String s = new String(b, p, end - p, StandardCharsets.ISO_8859_1);
        p = end + 1;
        return s;
    }

    private void need(int n) throws DatasetFormatException {
        if (n > b.length - p) {
            throw fail(p, "needs " + n + " more bytes but the file ends after " + (b.length - p) + " (truncated?)");
        }
    }

    private DatasetFormatException fail(int at, String problem) {
        return new DatasetFormatException(file, "pickle offset " + at, problem);
    }

    @Override
    public String toString() {
        return "PickleReader(" + file + ", offset " + p + ", stack " + Arrays.toString(stack.toArray()) + ")";
    }
}
