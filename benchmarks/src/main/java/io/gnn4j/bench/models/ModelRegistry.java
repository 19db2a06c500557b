package io.gnn4j.bench.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Models of one task (node, graph or link) by lower-case name. {@link #require(String)} is the single place that
 * turns a user's {@code --model} into a factory, with errors that list the known names or say plainly that a known
 * model is not available yet.
 */
public final class ModelRegistry<F> {
    private final String task;
    private final Map<String, ModelInfo<F>> models = new LinkedHashMap<>();

    /** An empty registry for {@code task} ("node classification", …). */
    public ModelRegistry(String task) {
        this.task = task;
    }

    /** Registers a model; returns this. */
    public ModelRegistry<F> add(ModelInfo<F> info) {
        if (models.putIfAbsent(info.name(), info) != null) {
            throw new IllegalArgumentException("model '" + info.name() + "' registered twice for " + task);
        }
        return this;
    }

    /** Every known model, in registration order. */
    public List<ModelInfo<F>> all() {
        return new ArrayList<>(models.values());
    }

    /** The model named {@code name} (case-insensitive). */
    public ModelInfo<F> info(String name) {
        ModelInfo<F> info = models.get(name.toLowerCase(Locale.ROOT));
        if (info == null) {
            throw new IllegalArgumentException("unknown model '" + name + "' for " + task + "; known: "
                    + String.join(", ", models.keySet()));
        }
        return info;
    }

    /** The factory of {@code name}, or an error saying that the model is unknown or not available yet (and why). */
    public F require(String name) {
        ModelInfo<F> info = info(name);
        return info.available().orElseThrow(() -> new ModelUnavailableException("model " + info.name()
                + " is not available yet for " + task + " (" + info.unavailableReason() + ")"));
    }

    /** Thrown for a known model that cannot be built yet. */
    public static final class ModelUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ModelUnavailableException(String message) {
            super(message);
        }
    }
}
