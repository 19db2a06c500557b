package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import java.util.Optional;

/**
 * One model a registry knows: its name, a one-line description with the paper, its default hyper-parameters (on
 * top of {@link HyperParameters#DEFAULTS}) and — once the layers it needs exist — its factory.
 *
 * @param unavailableReason why the factory is missing (e.g. "needs GATConv from gnn-layers"), null when present
 */
public record ModelInfo<F>(String name, String description, HyperParameters.Overrides defaults, F factory,
                           String unavailableReason) {
    /** The factory, or empty when the model is not available yet. */
    public Optional<F> available() {
        return Optional.ofNullable(factory);
    }
}
