package io.gnn4j.bench.task;

import io.gnn4j.layers.GraphContrastiveLoss;
import io.gnn4j.layers.GraphLevelModule;

/**
 * The auxiliary contrastive objective of a graph classification run ({@link GraphContrastiveLoss}): the task loss
 * plus {@code weight} × NT-Xent between two adaptively edge-dropped views of each mini-batch; weight 0 turns it off.
 *
 * @param weight         λ of {@code L = L_task + λ·L_NT-Xent} (≥ 0)
 * @param temperature    τ of NT-Xent (> 0)
 * @param dropRate       mean edge drop rate of a view, in [0, 1]
 * @param maxDropProbability cut-off of an edge's drop probability, in [0, 1]
 */
public record ContrastiveSettings(double weight, float temperature, double dropRate, double maxDropProbability) {
    /** No contrastive objective. */
    public static final ContrastiveSettings OFF = new ContrastiveSettings(0, 0.5f, 0.2, 0.7);

    public ContrastiveSettings {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("the contrastive weight must be >= 0, got " + weight);
        }
        GraphContrastiveLoss.checkSettings(temperature, dropRate, maxDropProbability);
    }

    /** Whether the objective is on. */
    public boolean enabled() {
        return weight > 0;
    }

    /** The objective for {@code net}, its projection head {@code width} wide. */
    GraphContrastiveLoss objective(GraphLevelModule net, int width) {
        return new GraphContrastiveLoss(net.embeddingWidth(), width, temperature, dropRate, maxDropProbability);
    }

    /** How runs with this setting are named after their model: {@code gin+cl} when on. */
    public String modelName(String model) {
        return enabled() ? model + "+cl" : model;
    }

    @Override
    public String toString() {
        return enabled() ? "NT-Xent weight " + weight + ", tau " + temperature + ", edge drop " + dropRate + " (max "
                + maxDropProbability + ")" : "off";
    }
}
