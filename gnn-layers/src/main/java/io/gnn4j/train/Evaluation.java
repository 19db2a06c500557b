package io.gnn4j.train;

import io.gnn4j.nn.Tape;
import java.util.Map;

/**
 * How the {@link Trainer} scores the model after each epoch, in evaluation mode on a reusable no-grad tape (reset by
 * the trainer after each call): {@link #validate} gives the metrics early stopping monitors (e.g. {@code val_loss},
 * {@code val_acc}) and any other per-epoch figures; {@link #atBest} gives the metrics reported at the best epoch only
 * (e.g. {@code test_acc}), computed when an epoch becomes the best one.
 */
public interface Evaluation {
    /** This epoch's metrics, by name. */
    Map<String, Double> validate(Tape noGrad);

    /** Metrics recorded for the best epoch, called right after the {@link #validate} that made it best. */
    default Map<String, Double> atBest(Tape noGrad) {
        return Map.of();
    }
}
