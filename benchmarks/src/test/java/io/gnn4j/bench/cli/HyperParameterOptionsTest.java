package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gnn4j.bench.config.HyperParameters;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every hyper-parameter has its command-line option, and the options given become the overrides of the same names. */
class HyperParameterOptionsTest {
    @Test
    void unsetOptionsOverrideNothing() {
        assertEquals(HyperParameters.Overrides.NONE, new HyperParameterOptions().overrides());
    }

    @Test
    void givenOptionsOverrideTheirHyperParameters() {
        HyperParameterOptions options = new HyperParameterOptions();
        new CommandLine(options).parseArgs("--hidden", "12", "--sheaf-decay", "0.5", "--second-linear", "--monitor",
                "val_acc");
        HyperParameters.Overrides o = options.overrides();
        assertEquals(HyperParameters.Overrides.of("hidden: 12, sheafDecay: 0.5, secondLinear: true, monitor: val_acc"),
                o);
    }
}
