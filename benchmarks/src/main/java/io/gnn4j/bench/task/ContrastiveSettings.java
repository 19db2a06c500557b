package io.gnn4j.bench.task;

import io.gnn4j.layers.GraphContrastiveLoss;
import io.gnn4j.layers.GraphContrastiveLoss.Augmentation;
import io.gnn4j.layers.GraphLevelModule;

/**
 * The contrastive objective of a graph classification run ({@link GraphContrastiveLoss}, NT-Xent between two
 * adaptively edge-dropped, or node-dropped, views of each mini-batch), used in either or both of two ways:
 * pre-training on it alone for {@code pretrainEpochs} over the fold's training graphs, labels unused (GraphCL's
 * protocol, You et al. 2020), and as an auxiliary loss during the task's training,
 * {@code L_task + weight × L_NT-Xent}. Both 0 turn it off.
 *
 * @param weight         λ of {@code L = L_task + λ·L_NT-Xent} (≥ 0)
 * @param temperature    τ of NT-Xent (> 0)
 * @param augmentation   how a view is made: edges or nodes dropped
 * @param dropRate       mean edge or node drop rate of a view, in [0, 1]
 * @param maxDropProbability cut-off of an edge's drop probability, in [0, 1]
 * @param pretrainEpochs epochs of pre-training on the objective alone before the task (≥ 0)
 */
public record ContrastiveSettings(double weight, float temperature, Augmentation augmentation, double dropRate,
                                  double maxDropProbability, int pretrainEpochs) {
    /** No contrastive objective. */
    public static final ContrastiveSettings OFF = new ContrastiveSettings(0, 0.5f, Augmentation.EDGE_DROP, 0.2, 0.7, 0);

    public ContrastiveSettings {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("the contrastive weight must be >= 0, got " + weight);
        }
        if (pretrainEpochs < 0) {
            throw new IllegalArgumentException("contrastive pre-training epochs must be >= 0, got " + pretrainEpochs);
        }
        GraphContrastiveLoss.checkSettings(temperature, dropRate, maxDropProbability);
    }

    /** Whether the objective is used at all. */
    public boolean enabled() {
        return auxiliary() || pretraining();
    }

    /** Whether it is added to the task's loss. */
    public boolean auxiliary() {
        return weight > 0;
    }

    /** Whether the network is pre-trained on it first. */
    public boolean pretraining() {
        return pretrainEpochs > 0;
    }

    /** The objective for {@code net}, its projection head {@code width} wide. */
    GraphContrastiveLoss objective(GraphLevelModule net, int width) {
        return new GraphContrastiveLoss(net.embeddingWidth(), width, temperature, augmentation, dropRate,
                maxDropProbability);
    }

    /**
     * How runs with this setting are named after their model: {@code gin+pretrain} when pre-trained, {@code gin+cl}
     * with the auxiliary loss, {@code gin+pretrain+cl} with both.
     */
    public String modelName(String model) {
        return model + (pretraining() ? "+pretrain" : "") + (auxiliary() ? "+cl" : "");
    }

    @Override
    public String toString() {
        if (!enabled()) {
            return "off";
        }
        return (pretraining() ? "pre-training " + pretrainEpochs + " epochs, " : "") + "NT-Xent weight " + weight
                + ", tau " + temperature + (augmentation == Augmentation.EDGE_DROP
                ? ", edge drop " + dropRate + " (max " + maxDropProbability + ")" : ", node drop " + dropRate);
    }
}
