package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.ExperimentConfig;
import io.gnn4j.bench.models.ModelInfo;
import io.gnn4j.bench.models.ModelRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What every training command resolves first, the same way: the experiment file (if any), then the dataset and
 * models, command-line options winning over the file.
 *
 * @param config  the {@code --config} file's content, or {@link ExperimentConfig#NONE}
 * @param dataset the {@code --dataset} name or path
 * @param models  the {@code --model} names, at least one
 */
record ExperimentRequest(ExperimentConfig config, String dataset, List<String> models) {
    static ExperimentRequest resolve(OutputOptions output, String dataset, List<String> models) throws IOException {
        ExperimentConfig cfg = output.config == null ? ExperimentConfig.NONE : ExperimentConfig.load(output.config);
        String datasetArg = dataset != null ? dataset : cfg.dataset();
        if (datasetArg == null) {
            throw new IllegalArgumentException("--dataset is required (or a --config that names one)");
        }
        List<String> modelNames = models != null ? models : cfg.model() != null ? List.of(cfg.model()) : null;
        if (modelNames == null || modelNames.isEmpty()) {
            throw new IllegalArgumentException("--model is required (or a --config that names one)");
        }
        return new ExperimentRequest(cfg, datasetArg, modelNames);
    }

    /** The requested models' entries, failing before any data is loaded when one is unknown or not available. */
    <F> List<ModelInfo<F>> models(ModelRegistry<F> registry) {
        List<ModelInfo<F>> infos = new ArrayList<>();
        for (String m : models) {
            infos.add(registry.info(m));
            registry.require(m);
        }
        return infos;
    }
}
