package io.gnn4j.datasets.split;

import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Which train/validation/test split each run of a node-classification experiment uses, by protocol:
 * <ul>
 *   <li>{@code public}: the dataset's "public" split (Planetoid) for every run;</li>
 *   <li>{@code geom-gcn}: the dataset's ten "geom-gcn-k" splits, run i using split i mod 10;</li>
 *   <li>{@code stored}: the dataset's own splits in turn (e.g. an Arrow {@code split} column);</li>
 *   <li>{@code random}: one seeded split per run — stratified by ratio ({@link Splits#stratifiedRatio}) when
 *       {@code trainFraction} is set, else per class ({@link Splits#perClass}: trainPerClass + valSize +
 *       testSize);</li>
 *   <li>{@code pygsd}: PyTorch Geometric Signed Directed's ten splits ({@link Splits#pygsd}, numpy's
 *       RandomState(k), trainPerClass per class + valSize, the rest test), run i using split i mod 10;
 *       {@code pygsd-k}: split k for every run (the official ADPA code runs its seeds on pygsd-0);</li>
 *   <li>the name of one of the dataset's splits (e.g. {@code geom-gcn-0}, {@code split-0}): that split for every
 *       run, so the runs differ only in their seeds (as papers that report seeds on one split do).</li>
 * </ul>
 * Without a protocol the first that applies is used: public, geom-gcn, stored, then random by ratio with the
 * fractions given or 0.6/0.2 — a dataset without splits gets a stratified random split rather than an error.
 *
 * @param protocol      public, geom-gcn, stored, random, pygsd, pygsd-k, a split's name, or null for the default above
 * @param trainFraction random by ratio: training share per class, or null for per-class counts
 * @param valFraction   random by ratio: validation share per class (null: (1 − trainFraction) / 2)
 */
public record NodeSplitOptions(String protocol, int trainPerClass, int valSize, int testSize, Double trainFraction,
                               Double valFraction) {
    /** Ratio used when a dataset without splits is split by default. */
    public static final double DEFAULT_TRAIN = 0.6;
    /** Validation ratio used when a dataset without splits is split by default. */
    public static final double DEFAULT_VAL = 0.2;

    public NodeSplitOptions {
        protocol = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
        if (valFraction != null && trainFraction == null) {
            throw new IllegalArgumentException("a validation fraction needs a training fraction too");
        }
    }

    private static Split named(NodeDataset d, String name) {
        return d.splits().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown split protocol '" + name + "' for "
                        + d.name() + ": use public, random, geom-gcn, stored or one of its splits "
                        + d.splits().stream().map(Split::name).toList()));
    }

    /** A builder with the Planetoid-style per-class defaults (20 per class, 500 val, 1000 test). */
    public static Builder builder() {
        return new Builder();
    }

    /** The protocol applied to {@code d}: the one given, else the default (see the class comment). */
    public String resolvedProtocol(NodeDataset d) {
        if (protocol != null) {
            return protocol;
        }
        if (d.splits().stream().anyMatch(s -> s.name().equals("public"))) {
            return "public";
        }
        if (d.splits().stream().anyMatch(s -> s.name().startsWith("geom-gcn-"))) {
            return "geom-gcn";
        }
        return d.splits().isEmpty() ? "random" : "stored";
    }

    /** PyTorch Geometric Signed Directed's node_class_split makes ten splits, with RandomState(0) … (9). */
    private static final int PYGSD_SPLITS = 10;

    /** {@link Splits#pygsd} with this options' per-class and validation sizes (20 and 500 by default, as PyGSD's). */
    private Split pygsd(NodeDataset d, long seed) {
        return Splits.pygsd(d.labels(), d.numClasses(), trainPerClass, valSize, seed);
    }

    /** The split of each of {@code runs} runs; run i of the random protocol uses seed {@code firstSeed + i}. */
    public List<Split> splits(NodeDataset d, int runs, long firstSeed) {
        String proto = resolvedProtocol(d);
        List<Split> pool = switch (proto) {
            case "public" -> List.of(d.split("public"));
            case "geom-gcn" -> d.splits().stream().filter(s -> s.name().startsWith("geom-gcn-")).toList();
            case "stored" -> d.splits();
            case "random" -> List.of();
            case "pygsd" -> IntStream.range(0, PYGSD_SPLITS).mapToObj(k -> pygsd(d, k)).toList();
            default -> proto.matches("pygsd-\\d+") ? List.of(pygsd(d, Long.parseLong(proto.substring(6))))
                    : List.of(named(d, proto));
        };
        if (!proto.equals("random") && pool.isEmpty()) {
            throw new IllegalArgumentException(d.name() + " has no " + proto + " splits; its splits are "
                    + d.splits().stream().map(Split::name).toList() + " (use --split random)");
        }
        boolean byRatio = trainFraction != null || protocol == null;
        double train = trainFraction != null ? trainFraction : DEFAULT_TRAIN;
        double val = valFraction != null ? valFraction : trainFraction != null ? (1 - trainFraction) / 2 : DEFAULT_VAL;
        List<Split> out = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            if (!proto.equals("random")) {
                out.add(pool.get(i % pool.size()));
            } else if (byRatio) {
                out.add(Splits.stratifiedRatio(d.labels(), d.numClasses(), train, val, firstSeed + i));
            } else {
                out.add(Splits.perClass(d.labels(), d.numClasses(), trainPerClass, valSize, testSize, firstSeed + i));
            }
        }
        return out;
    }

    /** Builds {@link NodeSplitOptions}; unset values keep the defaults. */
    public static final class Builder {
        private String protocol;
        private int trainPerClass = 20;
        private int valSize = 500;
        private int testSize = 1000;
        private Double trainFraction;
        private Double valFraction;

        private Builder() {}

        /** public, geom-gcn, stored, random, a split's name, or null for the default. */
        public Builder protocol(String p) {
            protocol = p;
            return this;
        }

        /** Random per-class split: training nodes per class, validation and test nodes. */
        public Builder perClass(int trainPerClassNodes, int valNodes, int testNodes) {
            trainPerClass = trainPerClassNodes;
            valSize = valNodes;
            testSize = testNodes;
            return this;
        }

        /** Random split by ratio (stratified); either may be null. */
        public Builder ratio(Double train, Double val) {
            trainFraction = train;
            valFraction = val;
            return this;
        }

        public NodeSplitOptions build() {
            return new NodeSplitOptions(protocol, trainPerClass, valSize, testSize, trainFraction, valFraction);
        }
    }
}
