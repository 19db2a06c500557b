package io.gnn4j.datasets.tu;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent, deliberately naive reading of the TU format rules (strings, regexes, boxed collections), used
 * as the oracle of the fuzz tests: whatever bytes it accepts, {@link TuFormat} must load to the same content, and
 * whatever it rejects, TuFormat must reject with a DatasetFormatException.
 */
final class NaiveTuReader {
    private static final String INT = "([+-]?[0-9]+)";
    private static final String FLOAT = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";
    private static final Pattern ONE_INT = Pattern.compile("[ \\t]*" + INT + "[ \\t]*");
    private static final Pattern PAIR = Pattern.compile("[ \\t]*" + INT + "[ \\t]*,[ \\t]*" + INT + "[ \\t]*");
    private static final Pattern ONE_FLOAT = Pattern.compile("[ \\t]*" + FLOAT + "[ \\t]*");

    /** What a TU dataset contains, in plain Java collections. */
    record Content(List<Integer> graphSizes, List<TreeMap<Long, Integer>> edges, List<float[]> features, int[] labels,
                   List<Integer> labelValues, int duplicates) {}

    static final class Reject extends RuntimeException {
        Reject(String m) {
            super(m);
        }
    }

    private static List<String> lines(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        if (!s.endsWith("\n")) {
            throw new Reject("no final LF");
        }
        List<String> out = new ArrayList<>(List.of(s.substring(0, s.length() - 1).split("\n", -1)));
        for (String l : out) {
            if (l.contains("\r")) {
                throw new Reject("CR");
            }
        }
        return out;
    }

    private static int toInt(String digits) {
        BigInteger v = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
        if (v.bitLength() > 31) {
            throw new Reject("int range");
        }
        return v.intValueExact();
    }

    private static int oneInt(String line) {
        Matcher m = ONE_INT.matcher(line);
        if (!m.matches()) {
            throw new Reject("not an int: " + line);
        }
        return toInt(m.group(1));
    }

    private static List<Integer> intColumn(byte[] b, int expected) {
        List<String> ls = lines(b);
        if (ls.size() != expected) {
            throw new Reject("count");
        }
        List<Integer> out = new ArrayList<>();
        for (String l : ls) {
            out.add(oneInt(l));
        }
        return out;
    }

    /** Reads the files (null = absent) as TuFormat with ATTRIBUTES_AND_LABELS does. */
    static Content read(byte[] a, byte[] indicator, byte[] graphLabels, byte[] nodeLabels, byte[] attributes,
                        byte[] edgeLabels) {
        List<Integer> gi = new ArrayList<>();
        for (String l : lines(indicator)) {
            gi.add(oneInt(l));
        }
        if (gi.isEmpty() || gi.get(0) != 1) {
            throw new Reject("first graph id");
        }
        for (int i = 1; i < gi.size(); i++) {
            int d = gi.get(i) - gi.get(i - 1);
            if (d != 0 && d != 1) {
                throw new Reject("gap");
            }
        }
        int n = gi.size();
        int numGraphs = gi.get(n - 1);
        List<Integer> gl = intColumn(graphLabels, numGraphs);
        List<Integer> values = new ArrayList<>(new TreeSet<>(gl));
        List<Integer> nl = nodeLabels == null ? null : intColumn(nodeLabels, n);
        int min = 0, width = 0;
        if (nl != null) {
            min = nl.stream().min(Integer::compare).orElseThrow();
            long w = (long) nl.stream().max(Integer::compare).orElseThrow() - min + 1;
            if (w > 1_000_000) {
                throw new Reject("span");
            }
            width = (int) w;
        }
        List<float[]> attr = null;
        int aw = 0;
        if (attributes != null) {
            attr = new ArrayList<>();
            List<String> ls = lines(attributes);
            if (ls.size() != n) {
                throw new Reject("attribute lines");
            }
            for (String l : ls) {
                String[] parts = l.split(",", -1);
                float[] row = new float[parts.length];
                for (int j = 0; j < parts.length; j++) {
                    if (!ONE_FLOAT.matcher(parts[j]).matches()) {
                        throw new Reject("float");
                    }
                    double d = Double.parseDouble(parts[j].strip());
                    row[j] = (float) d;
                    if (!Float.isFinite(row[j])) {
                        throw new Reject("finite");
                    }
                }
                if (attr.isEmpty()) {
                    aw = row.length;
                } else if (row.length != aw) {
                    throw new Reject("width");
                }
                attr.add(row);
            }
        }
        if ((long) n * (aw + width) > TuFormat.MAX_FEATURE_VALUES) {
            throw new Reject("too many features");
        }
        List<int[]> pairs = new ArrayList<>();
        for (String l : lines(a)) {
            Matcher m = PAIR.matcher(l);
            if (!m.matches()) {
                throw new Reject("pair");
            }
            int u = toInt(m.group(1)), v = toInt(m.group(2));
            if (u < 1 || u > n || v < 1 || v > n || !gi.get(u - 1).equals(gi.get(v - 1))) {
                throw new Reject("ids");
            }
            pairs.add(new int[] {u - 1, v - 1});
        }
        List<Integer> el = edgeLabels == null ? null : intColumn(edgeLabels, pairs.size());
        Map<Long, Integer> labelOf = new HashMap<>();
        int dups = 0;
        for (int i = 0; i < pairs.size(); i++) {
            long key = (long) pairs.get(i)[0] * n + pairs.get(i)[1];
            int lab = el == null ? 0 : el.get(i);
            Integer prev = labelOf.putIfAbsent(key, lab);
            if (prev != null) {
                dups++;
                if (prev != lab) {
                    throw new Reject("label conflict");
                }
            }
        }
        for (int[] p : pairs) {
            if (!labelOf.containsKey((long) p[1] * n + p[0])) {
                throw new Reject("no reverse");
            }
        }
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !gi.get(i).equals(gi.get(i - 1))) {
                first.add(i);
            }
        }
        first.add(n);
        List<Integer> sizes = new ArrayList<>();
        List<TreeMap<Long, Integer>> edges = new ArrayList<>();
        List<float[]> feats = new ArrayList<>();
        for (int g = 0; g < numGraphs; g++) {
            int lo = first.get(g), hi = first.get(g + 1);
            sizes.add(hi - lo);
            edges.add(new TreeMap<>());
            float[] x = new float[(hi - lo) * (aw + width)];
            for (int v = lo; v < hi; v++) {
                int base = (v - lo) * (aw + width);
                for (int j = 0; j < aw; j++) {
                    x[base + j] = attr.get(v)[j];
                }
                if (nl != null) {
                    x[base + aw + nl.get(v) - min] = 1f;
                }
            }
            feats.add(x);
        }
        for (var e : labelOf.entrySet()) {
            int u = (int) (e.getKey() / n), v = (int) (e.getKey() % n);
            int g = gi.get(u) - 1, lo = first.get(g);
            edges.get(g).put((long) (u - lo) * (first.get(g + 1) - lo) + (v - lo), e.getValue());
        }
        int[] labels = gl.stream().mapToInt(values::indexOf).toArray();
        return new Content(sizes, edges, feats, labels, values, dups);
    }
}
