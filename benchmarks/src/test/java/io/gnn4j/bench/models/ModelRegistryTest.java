package io.gnn4j.bench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.config.HyperParameters;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {
    @Test
    void knownModelWithoutFactorySaysPlainlyThatItIsNotAvailableYet() {
        NodeModelFactory f = NodeNetworks.factory("gcn");
        ModelRegistry<NodeModelFactory> r = new ModelRegistry<NodeModelFactory>("node classification")
                .add(new ModelInfo<>("gcn", "GCN", HyperParameters.Overrides.NONE, f, null))
                .add(new ModelInfo<>("nsd", "neural sheaf diffusion", HyperParameters.Overrides.NONE, null,
                        "the sheaf module has no NSD layer yet"));
        assertSame(f, r.require("GCN"));
        var e = assertThrows(ModelRegistry.ModelUnavailableException.class, () -> r.require("nsd"));
        assertEquals("model nsd is not available yet for node classification (the sheaf module has no NSD layer yet)",
                e.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> r.require("gin"));
        assertEquals("unknown model 'gin' for node classification; known: gcn, nsd", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.add(new ModelInfo<>("gcn", "again",
                HyperParameters.Overrides.NONE, f, null)));
    }

    @Test
    void everyRegisteredModelIsBuildableAndItsDefaultsValidate() {
        for (var registry : java.util.List.of(Models.node(), Models.graph(), Models.link())) {
            for (ModelInfo<?> info : registry.all()) {
                assertTrue(info.available().isPresent(), info.name() + ": " + info.unavailableReason());
                HyperParameters.DEFAULTS.with(info.defaults());
            }
        }
    }

    @Test
    void theBatchNormOptionReachesGinAndKpath() {
        var data = io.gnn4j.datasets.generate.SubstructureCounting.generate(20, 5, 9, 3);
        for (String model : new String[] {"gin", "kpath"}) {
            var info = Models.graph().info(model);
            for (boolean batchNorm : new boolean[] {true, false}) {
                HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults())
                        .with(HyperParameters.Overrides.of("batchNorm: " + batchNorm));
                var names = info.factory().create(data, 4, hp, 1).namedParameters().keySet();
                // BatchNorm's affine parameters: inside the MLPs ("norm…") or a layer's second stage ("convL.1.…").
                boolean normalised = names.stream()
                        .anyMatch(n -> n.contains("norm") || n.matches("conv\\d+\\.1\\..*"));
                assertEquals(batchNorm, normalised, model + ", batchNorm " + batchNorm + ": " + names);
            }
        }
    }

    @Test
    void thePathBranchingReachesKpath() {
        var data = io.gnn4j.datasets.generate.SubstructureCounting.generate(20, 5, 9, 3);
        var info = Models.graph().info("kpath");
        for (double branching : new double[] {0, 7.5}) {
            HyperParameters hp = HyperParameters.DEFAULTS.with(info.defaults())
                    .with(HyperParameters.Overrides.of("pathBranching: " + branching));
            String net = info.factory().create(data, 4, hp, 1).toString();
            assertEquals(branching != 0, net.contains("pathBranching=7.5"), "branching " + branching + ": " + net);
        }
    }
}
