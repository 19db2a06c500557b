package io.gnn4j.train;

import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The evaluation of node classification from one forward pass: the model's N×C logits give {@code train_acc},
 * {@code val_loss} (mean cross-entropy) and {@code val_acc} every epoch, and {@code test_acc} at the best epoch (from
 * the same logits, so the test nodes cost nothing extra).
 */
public final class ClassificationEvaluation implements Evaluation {
    private final Function<Tape, Tensor> logits;
    private final int[] labels;
    private final int[] train;
    private final int[] val;
    private final int[] test;
    private float[] last;
    private int classes;

    private ClassificationEvaluation(Function<Tape, Tensor> logits, int[] labels, int[] train, int[] val, int[] test) {
        if (val.length == 0 || test.length == 0) {
            throw new IllegalArgumentException("evaluation needs validation and test nodes, has " + val.length + " and "
                    + test.length);
        }
        this.logits = logits;
        this.labels = labels;
        this.train = train;
        this.val = val;
        this.test = test;
    }

    /**
     * @param logits the model's forward pass in evaluation mode, N×C
     * @param labels the class of every node
     */
    public static ClassificationEvaluation nodes(Function<Tape, Tensor> logits, int[] labels, int[] train, int[] val,
                                                 int[] test) {
        return new ClassificationEvaluation(logits, labels, train, val, test);
    }

    @Override
    public Map<String, Double> validate(Tape noGrad) {
        Tensor out = logits.apply(noGrad);
        last = out.toFloatArray();
        classes = out.cols();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train_acc", Metrics.accuracy(last, classes, labels, train));   // NaN without training nodes
        m.put("val_loss", Metrics.crossEntropy(last, classes, labels, val));
        m.put("val_acc", Metrics.accuracy(last, classes, labels, val));
        return m;
    }

    @Override
    public Map<String, Double> atBest(Tape noGrad) {
        return Map.of("test_acc", Metrics.accuracy(last, classes, labels, test));
    }
}
