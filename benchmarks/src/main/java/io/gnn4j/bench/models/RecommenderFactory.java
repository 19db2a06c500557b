package io.gnn4j.bench.models;

import io.gnn4j.bench.config.HyperParameters;
import io.gnn4j.datasets.Interactions;
import io.gnn4j.recommend.Recommender;

/**
 * Builds a freshly initialised {@link Recommender} for one run on the training interactions of {@code data} (its
 * test set must stay unseen): {@code hidden} is the latent size, {@code layers} the propagation depth.
 */
@FunctionalInterface
public interface RecommenderFactory {
    Recommender create(Interactions data, HyperParameters hp, long seed);
}
