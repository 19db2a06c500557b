package io.gnn4j.bench.cli;

import io.gnn4j.bench.config.HyperParameters;
import picocli.CommandLine.Option;

/**
 * The hyper-parameter options shared by the training commands. Each is optional: unset options keep the value of
 * the configuration file, else the model's paper default, else {@link HyperParameters#DEFAULTS}.
 */
final class HyperParameterOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "maximum training epochs")
    Integer epochs;

    @Option(names = "--patience", paramLabel = "N",
            description = "stop after N epochs without validation improvement (0 = run all epochs)")
    Integer patience;

    @Option(names = "--monitor", paramLabel = "WHAT",
            description = "early-stopping and model-selection quantity: val_loss or val_acc")
    String monitor;

    @Option(names = "--hidden", paramLabel = "N", description = "hidden width (per head for GAT)")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N", description = "number of layers")
    Integer layers;

    @Option(names = "--dropout", paramLabel = "P", description = "dropout probability")
    Double dropout;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam learning rate")
    Double lr;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay")
    Double weightDecay;

    @Option(names = "--heads", paramLabel = "H", description = "attention heads (GAT)")
    Integer heads;

    @Option(names = "--hops", paramLabel = "K", description = "propagation steps K (SGC, APPNP)")
    Integer hops;

    @Option(names = "--alpha", paramLabel = "A", description = "teleport probability (APPNP)")
    Double alpha;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "graphs per mini-batch (graph task), BPR triples per batch (recommend)")
    Integer batchSize;

    @Option(names = "--lr-step", paramLabel = "N", description = "multiply the learning rate by --lr-gamma every N epochs")
    Integer lrStep;

    @Option(names = "--lr-gamma", paramLabel = "G", description = "learning-rate decay factor")
    Double lrGamma;

    @Option(names = "--batches-per-epoch", paramLabel = "N",
            description = "an epoch is N mini-batches of randomly drawn graphs, not one pass (graph task; 0 = one pass)")
    Integer batchesPerEpoch;

    @Option(names = "--stalk-dim", paramLabel = "D", description = "stalk dimension d (sheaf models)")
    Integer stalkDim;

    @Option(names = "--input-dropout", paramLabel = "P", description = "dropout on the input features (sheaf models)")
    Double inputDropout;

    @Option(names = "--fixed-stalks", paramLabel = "KIND",
            description = "fixed stalk dimensions beside the learned ones (sheaf models): none, lp, hp or lp+hp "
                    + "(the official NSD code's add_lp/add_hp)")
    String fixedStalks;

    @Option(names = "--max-paths", paramLabel = "M",
            description = "paths per node and length kpath lists before it samples (default 64)")
    Integer maxPaths;

    @Option(names = "--sheaf-decay", paramLabel = "L2",
            description = "weight decay of the sheaf learners' maps, the others keeping --weight-decay (sheaf models; "
                    + "the official NSD code's sheaf_decay; default: the same as --weight-decay)")
    Double sheafDecay;

    @Option(names = "--second-linear", arity = "0..1", paramLabel = "BOOL",
            description = "a second linear layer (hidden to hidden, no activation) after the input layer's dropout "
                    + "(sheaf models; the official NSD code's second_linear)")
    Boolean secondLinear;

    @Option(names = "--batch-norm", arity = "0..1", paramLabel = "BOOL",
            description = "batch normalisation of the layers' node states (graph-level gin and kpath; default true)")
    Boolean batchNorm;

    @Option(names = "--path-branching", paramLabel = "B",
            description = "kpath scales its sum over paths of length l by B^-l (B > 0), or by 1/M for every length "
                    + "(0, the default; M = --max-paths)")
    Double pathBranching;

    /** The options given on the command line: each field is named as the hyper-parameter it sets. */
    HyperParameters.Overrides overrides() {
        return HyperParameters.Overrides.byName(name -> {
            try {
                return HyperParameterOptions.class.getDeclaredField(name).get(this);
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalStateException("no command-line option for the hyper-parameter " + name, e);
            }
        });
    }
}
