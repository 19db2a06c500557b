package io.gnn4j.datasets.npz;

import java.nio.ByteOrder;

/**
 * A NumPy array element type as written in a {@code .npy} header's {@code descr} field ({@code '<f4'},
 * {@code '|b1'}, {@code '>i8'}, {@code '<U7'}, ...), restricted to what plain data needs: bool, signed and unsigned
 * integers of 1–8 bytes, IEEE floats of 4 or 8 bytes, fixed-width byte strings ({@code S}) and UTF-32 strings
 * ({@code U}). Object arrays ({@code O}, i.e. pickles) and structured dtypes are rejected by {@link #parse}.
 *
 * @param kind     {@code 'b'} bool, {@code 'i'} signed int, {@code 'u'} unsigned int, {@code 'f'} float,
 *                 {@code 'S'} byte string, {@code 'U'} UTF-32 string
 * @param itemSize bytes per element
 * @param order    byte order of multi-byte elements (little endian for one-byte types)
 */
public record NpyDType(char kind, int itemSize, ByteOrder order) {

    /**
     * Parses a {@code descr} string such as {@code '<f4'}.
     *
     * @throws IllegalArgumentException naming the descr and what is supported
     */
    public static NpyDType parse(String descr) {
        if (descr.length() < 2) {
            throw new IllegalArgumentException("dtype '" + descr + "' is too short");
        }
        char endian = descr.charAt(0);
        int start = 1;
        ByteOrder order;
        switch (endian) {
            case '<', '|', '=' -> order = ByteOrder.LITTLE_ENDIAN;
            case '>' -> order = ByteOrder.BIG_ENDIAN;
            default -> {
                order = ByteOrder.LITTLE_ENDIAN;
                start = 0;
            }
        }
        char kind = descr.charAt(start);
        if (kind == 'O') {
            throw new IllegalArgumentException("dtype '" + descr + "' is an object (pickled) array, which is not supported");
        }
        if ("biufSU".indexOf(kind) < 0) {
            throw new IllegalArgumentException("dtype '" + descr + "' has kind '" + kind
                    + "', expected one of b (bool), i, u (integers), f (floats), S, U (strings)");
        }
        String digits = descr.substring(start + 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("dtype '" + descr + "' has no valid item size");
        }
        int n = Integer.parseInt(digits);
        int size = kind == 'U' ? n * 4 : n;
        boolean ok = switch (kind) {
            case 'b' -> n == 1;
            case 'i', 'u' -> n == 1 || n == 2 || n == 4 || n == 8;
            case 'f' -> n == 4 || n == 8;
            default -> n >= 1 && n <= 1 << 20;
        };
        if (!ok) {
            throw new IllegalArgumentException("dtype '" + descr + "' has unsupported item size " + n);
        }
        return new NpyDType(kind, size, order);
    }

    /** Whether the type holds integers (bool counts as integer 0/1). */
    public boolean isInteger() {
        return kind == 'b' || kind == 'i' || kind == 'u';
    }

    /** The canonical descr string, e.g. {@code <f4}. */
    public String descr() {
        int n = kind == 'U' ? itemSize / 4 : itemSize;
        char e = itemSize == 1 || kind == 'S' ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + e + kind + n;
    }

    @Override
    public String toString() {
        return descr();
    }
}
