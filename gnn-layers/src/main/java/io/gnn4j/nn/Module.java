package io.gnn4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A trainable component: it registers its {@link Parameter}s and sub-modules by name, in a fixed order (which fixes
 * the state-dict keys, e.g. {@code "conv1.weight"}, and the order in which initialisers draw random numbers), and
 * carries the training/evaluation switch that dropout reads. Subclasses register everything in their constructor
 * and initialise parameters in {@link #resetParameters(RandomGenerator)}. Buffers are state that is saved with the
 * parameters but not trained (batch normalisation's running statistics).
 */
public abstract class Module {
    private final LinkedHashMap<String, Parameter> params = new LinkedHashMap<>();
    private final LinkedHashMap<String, Module> children = new LinkedHashMap<>();
    private final LinkedHashMap<String, float[]> buffers = new LinkedHashMap<>();
    private boolean training = true;

    /** Registers a new zero-filled rows×cols parameter under {@code name}. */
    protected final Parameter addParameter(String name, int rows, int cols) {
        requireFreshName(name);
        Parameter p = new Parameter(rows, cols);
        params.put(name, p);
        return p;
    }

    /** Registers {@code module} as a child under {@code name} and returns it. */
    protected final <M extends Module> M addModule(String name, M module) {
        requireFreshName(name);
        children.put(name, module);
        return module;
    }

    /**
     * Registers {@code values} as a buffer under {@code name} and returns it (no copy): a state array that the module
     * updates itself, saved and loaded by {@link StateDict} as a 1×length tensor but never given to an optimiser.
     */
    protected final float[] addBuffer(String name, float[] values) {
        requireFreshName(name);
        if (values.length == 0) {
            throw new IllegalArgumentException("buffer '" + name + "' needs at least one element, got 0");
        }
        buffers.put(name, values);
        return values;
    }

    private void requireFreshName(String name) {
        if (name.isEmpty() || name.contains(".") || params.containsKey(name) || children.containsKey(name)
                || buffers.containsKey(name)) {
            throw new IllegalArgumentException("invalid or duplicate member name '" + name + "'");
        }
    }

    /**
     * Re-initialises every parameter, drawing from {@code rng} in registration order; the default resets the
     * sub-modules. Subclasses initialise their own parameters, then call {@code super.resetParameters(rng)}.
     */
    public void resetParameters(RandomGenerator rng) {
        for (Module m : children.values()) {
            m.resetParameters(rng);
        }
    }

    /** Every parameter of this module and its descendants, keyed by dotted path, in registration order. */
    public Map<String, Parameter> namedParameters() {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        for (var e : params.entrySet()) {
            out.put(prefix + e.getKey(), e.getValue());
        }
        for (var e : children.entrySet()) {
            e.getValue().collect(prefix + e.getKey() + ".", out);
        }
    }

    /** Every buffer of this module and its descendants (the live arrays, no copy), keyed by dotted path. */
    public Map<String, float[]> namedBuffers() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        collectBuffers("", out);
        return out;
    }

    private void collectBuffers(String prefix, Map<String, float[]> out) {
        for (var e : buffers.entrySet()) {
            out.put(prefix + e.getKey(), e.getValue());
        }
        for (var e : children.entrySet()) {
            e.getValue().collectBuffers(prefix + e.getKey() + ".", out);
        }
    }

    /** Every parameter, in the order of {@link #namedParameters()}. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Total number of trainable scalars. */
    public long numParameters() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.size();
        }
        return n;
    }

    /** Switches this module and its descendants to training mode (dropout active); returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and its descendants to evaluation mode (dropout is the identity); returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean t) {
        training = t;
        for (Module m : children.values()) {
            m.setTraining(t);
        }
    }

    /** Whether the module is in training mode (the default). */
    public boolean isTraining() {
        return training;
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        for (Parameter p : namedParameters().values()) {
            p.zeroGrad();
        }
    }
}
