package io.gnn4j.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void quietOptionDrawsNothing() {
        try (Progress p = Progress.start("task", 10, true)) {
            assertFalse(p.isVisible());
            p.step("ignored");
        }
    }

    @Test
    void offATerminalTheBarIsSilentEvenWhenNotAskedToBeQuiet() {
        assumeFalse(Progress.isTerminal(), "running on a terminal, skipped");
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try (Progress p = Progress.start("task", 3, false)) {
            assertFalse(p.isVisible());
            p.step("a");
            p.step("b");
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, captured.size());
    }
}
