package io.gnn4j.bench.config;

import io.gnn4j.sheaf.FixedStalks;
import io.gnn4j.train.EarlyStopping;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of one training run, validated on construction. Not every model reads every field (an MLP
 * ignores {@code heads}, SGC ignores {@code hidden}); {@code hops} is K of SGC/APPNP, {@code alpha} APPNP's teleport
 * probability; {@code lrStep}/{@code lrGamma} multiply the learning rate by γ every {@code lrStep} epochs (0 = never);
 * {@code patience} 0 disables early stopping; {@code batchesPerEpoch} makes a mini-batch epoch that many batches of
 * randomly drawn graphs (the GIN authors' {@code iters_per_epoch}) instead of one pass over the shuffled training set
 * (0, the default); {@code stalkDim} is the stalk dimension d of sheaf models and {@code inputDropout} the dropout
 * on their input features (Neural Sheaf Diffusion), {@code fixedStalks} their fixed stalk dimensions beside the
 * learned ones ({@code none}, {@code lp}, {@code hp} or {@code lp+hp}: the official NSD code's add_lp/add_hp,
 * {@link FixedStalks}), {@code sheafDecay} the weight decay of their sheaf learners' maps (null: {@code weightDecay};
 * the official NSD code's sheaf_decay) and {@code secondLinear} a second hidden-to-hidden linear layer after their
 * input layer (its second_linear); {@code maxPaths} is how many paths per node and length kpath lists before it
 * samples ({@link io.gnn4j.graph.RootedPaths}); {@code batchNorm} whether the graph-level GIN and kpath networks
 * normalise their layers' node states by batch (on by default, as the GIN authors' code; off, the sum readout adds up
 * states that do not depend on the batch's statistics — what counting substructures needs); {@code pathBranching} how
 * kpath scales its sums over paths ({@link io.gnn4j.layers.KPathConv}: 0, the default, 1/{@code maxPaths} for every
 * length; B > 0, B^−ℓ for length ℓ).
 */
public record HyperParameters(int epochs, int patience, EarlyStopping.Monitor monitor, int hidden, int layers,
                              double dropout, double lr, double weightDecay, int heads, int hops, double alpha,
                              int batchSize, int lrStep, double lrGamma, int batchesPerEpoch, int stalkDim,
                              double inputDropout, String fixedStalks, int maxPaths, Double sheafDecay,
                              boolean secondLinear, boolean batchNorm, double pathBranching) {
    /** Built-in defaults (the GCN paper's Cora settings, no early stopping). */
    public static final HyperParameters DEFAULTS = new HyperParameters(200, 0, EarlyStopping.Monitor.VAL_LOSS, 16, 2,
            0.5, 0.01, 5e-4, 8, 10, 0.1, 32, 0, 0.5, 0, 2, 0.0, "none", 64, null, false, true, 0.0);

    /** The components in declaration order: every hyper-parameter once, read and written by name. */
    private static final RecordComponent[] FIELDS = HyperParameters.class.getRecordComponents();

    static {
        Components.requireSameNames(HyperParameters.class, Overrides.class);
    }

    public HyperParameters {
        positive("epochs", epochs);
        atLeast("patience", patience, 0);
        positive("hidden", hidden);
        positive("layers", layers);
        positive("heads", heads);
        atLeast("hops", hops, 0);
        positive("batchSize", batchSize);
        atLeast("lrStep", lrStep, 0);
        atLeast("batchesPerEpoch", batchesPerEpoch, 0);
        positive("stalkDim", stalkDim);
        positive("maxPaths", maxPaths);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("inputDropout must be in [0, 1), got " + inputDropout);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be > 0, got " + lr);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        if (!(lrGamma > 0 && lrGamma <= 1)) {
            throw new IllegalArgumentException("lrGamma must be in (0, 1], got " + lrGamma);
        }
        if (sheafDecay != null && (!(sheafDecay >= 0) || Double.isInfinite(sheafDecay))) {
            throw new IllegalArgumentException("sheafDecay must be >= 0, got " + sheafDecay);
        }
        if (!(pathBranching >= 0) || Double.isInfinite(pathBranching)) {
            throw new IllegalArgumentException("pathBranching must be >= 0, got " + pathBranching);
        }
        java.util.Objects.requireNonNull(monitor, "monitor");
        FixedStalks.parse(java.util.Objects.requireNonNull(fixedStalks, "fixedStalks"));
    }

    private static void positive(String name, int v) {
        atLeast(name, v, 1);
    }

    private static void atLeast(String name, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }

    /** These parameters with every non-null field of {@code o} taken from {@code o}. */
    public HyperParameters with(Overrides o) {
        Object[] values = new Object[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            Object v = Components.value(Overrides.FIELDS[i], o);
            values[i] = v == null ? Components.value(FIELDS[i], this)
                    : FIELDS[i].getType() == EarlyStopping.Monitor.class ? EarlyStopping.Monitor.parse((String) v) : v;
        }
        return Components.construct(HyperParameters.class, values);
    }

    /** Field name → value, in declaration order (for the JSON output); the monitor as its metric's name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : FIELDS) {
            Object v = Components.value(c, this);
            m.put(c.getName(), v instanceof EarlyStopping.Monitor monitor ? monitor.metric() : v);
        }
        return m;
    }

    /**
     * A partial set of hyper-parameters: null means "keep what the layer below says". Read from a configuration file
     * (same key names) or collected from command-line options.
     */
    public record Overrides(Integer epochs, Integer patience, String monitor, Integer hidden, Integer layers,
                            Double dropout, Double lr, Double weightDecay, Integer heads, Integer hops, Double alpha,
                            Integer batchSize, Integer lrStep, Double lrGamma, Integer batchesPerEpoch,
                            Integer stalkDim, Double inputDropout, String fixedStalks, Integer maxPaths,
                            Double sheafDecay, Boolean secondLinear, Boolean batchNorm, Double pathBranching) {
        /** The components, named as {@link HyperParameters}'s and in the same order (checked when the class loads). */
        private static final RecordComponent[] FIELDS = Overrides.class.getRecordComponents();

        /** No overrides. */
        public static final Overrides NONE = Components.construct(Overrides.class, new Object[FIELDS.length]);

        /**
         * Overrides written as a configuration file's keys in YAML flow style, e.g.
         * {@code of("hidden: 8, heads: 8, dropout: 0.6")}; an unknown key is an error naming it.
         */
        public static Overrides of(String keyValues) {
            return ExperimentConfig.overrides(keyValues);
        }

        /** The overrides whose component named n is {@code byName.apply(n)} (null: not overridden). */
        public static Overrides byName(java.util.function.Function<String, Object> byName) {
            Object[] values = new Object[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                values[i] = byName.apply(FIELDS[i].getName());
            }
            return Components.construct(Overrides.class, values);
        }

        /** These overrides, then {@code later}'s non-null fields on top. */
        public Overrides then(Overrides later) {
            Object[] values = new Object[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                Object v = Components.value(FIELDS[i], later);
                values[i] = v != null ? v : Components.value(FIELDS[i], this);
            }
            return Components.construct(Overrides.class, values);
        }
    }
}
