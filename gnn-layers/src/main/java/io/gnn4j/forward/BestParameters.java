package io.gnn4j.forward;

import io.gnn4j.nn.Parameter;
import io.gnn4j.train.EpochRecord;
import io.gnn4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of the parameters at the best epoch so far, to put them back after training (the official ForwardGNN
 * code's early-stopping checkpoint).
 */
final class BestParameters implements TrainingListener {
    private final List<Parameter> params;
    private final List<float[]> saved = new ArrayList<>();

    BestParameters(List<Parameter> params) {
        this.params = params;
    }

    @Override
    public void onEpoch(EpochRecord r) {
        if (r.best()) {
            saved.clear();
            for (Parameter p : params) {
                saved.add(p.toFloatArray());
            }
        }
    }

    /** Puts the best epoch's values back (nothing when no epoch was best). */
    void restore() {
        for (int k = 0; k < saved.size(); k++) {
            params.get(k).copyFrom(saved.get(k));
        }
    }
}
