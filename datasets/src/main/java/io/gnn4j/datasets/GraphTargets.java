package io.gnn4j.datasets;

import java.util.List;

/**
 * Real-valued regression targets of a {@link GraphDataset}: T named columns per graph, stored row-major G×T
 * ({@code values[g·T + t]} is target t of graph g). TU regression sets ship them as {@code <DS>_graph_attributes.txt};
 * the substructure-counting set ({@link io.gnn4j.datasets.generate.SubstructureCounting}) as its four counts.
 *
 * @param names  column names, e.g. {@code triangle}; {@code attribute-0}, … where the files name none
 * @param values G×T row-major
 */
public record GraphTargets(List<String> names, float[] values) {
    public GraphTargets {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("graph targets need at least one column");
        }
        if (values.length % names.size() != 0) {
            throw new IllegalArgumentException(values.length + " target values do not fill rows of " + names.size()
                    + " columns " + names);
        }
        values = values.clone();
    }

    /** T, the number of columns. */
    public int numTargets() {
        return names.size();
    }

    /** G, the number of graphs. */
    public int numGraphs() {
        return values.length / names.size();
    }

    /** Target {@code t} of every graph, a fresh array of length G. */
    public float[] column(int t) {
        if (t < 0 || t >= names.size()) {
            throw new IllegalArgumentException("target " + t + " is outside 0.." + (names.size() - 1) + " " + names);
        }
        int cols = names.size();
        float[] out = new float[numGraphs()];
        for (int g = 0; g < out.length; g++) {
            out[g] = values[g * cols + t];
        }
        return out;
    }

    /** The index of the column named {@code name}, or of the column whose index {@code name} spells. */
    public int index(String name) {
        int i = names.indexOf(name);
        if (i >= 0) {
            return i;
        }
        try {
            int t = Integer.parseInt(name.strip());
            column(t); // range check with the message naming both values
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no target '" + name + "': use an index 0.." + (names.size() - 1)
                    + " or one of " + names);
        }
    }
}
