package io.gnn4j.datasets.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Test helper: seeded random mutations of a text file's bytes, for the loaders' fuzz tests. */
public final class Mutations {
    private Mutations() {
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n")));
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One random mutation: truncate, flip a byte or bit, delete/insert a byte, change a digit, drop/duplicate/swap
     * lines or shuffle all lines.
     */
    public static byte[] mutate(byte[] b, SplittableRandom r) {
        int kind = r.nextInt(10);
        if (b.length == 0) {
            return new byte[] {(byte) "0,\n -".charAt(r.nextInt(4))};
        }
        int p = r.nextInt(b.length);
        switch (kind) {
            case 0 -> {
                return Arrays.copyOf(b, p);
            }
            case 1 -> {
                byte[] c = b.clone();
                c[p] ^= (byte) (1 + r.nextInt(255));
                return c;
            }
            case 2 -> {
                byte[] c = b.clone();
                c[p] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 3 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, p);
                out.write(b, p + 1, b.length - p - 1);
                return out.toByteArray();
            }
            case 9 -> {
                // Replace a digit by another digit: the mutant most likely to stay well-formed.
                byte[] c = b.clone();
                for (int k = 0; k < c.length; k++) {
                    int q = (p + k) % c.length;
                    if (c[q] >= '0' && c[q] <= '9') {
                        c[q] = (byte) ('0' + (c[q] - '0' + 1 + r.nextInt(9)) % 10);
                        break;
                    }
                }
                return c;
            }
            case 4 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, p);
                out.write(" ,\t0123456789-+.e\n\r".charAt(r.nextInt(19)));
                out.write(b, p, b.length - p);
                return out.toByteArray();
            }
            default -> {
                List<String> ls = lines(b);
                int i = r.nextInt(ls.size()), j = r.nextInt(ls.size());
                switch (kind) {
                    case 5 -> ls.remove(i);
                    case 6 -> ls.add(j, ls.get(i));
                    case 7 -> {
                        String t = ls.get(i);
                        ls.set(i, ls.get(j));
                        ls.set(j, t);
                    }
                    default -> java.util.Collections.shuffle(ls, new java.util.Random(r.nextLong()));
                }
                return ls.isEmpty() ? new byte[0] : join(ls);
            }
        }
    }

}
