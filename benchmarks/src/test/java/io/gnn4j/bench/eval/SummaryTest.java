package io.gnn4j.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void sampleStandardDeviationUsesNMinusOne() {
        Summary s = Summary.of(new double[] {0.80, 0.82, 0.84});
        assertEquals(0.82, s.mean(), 1e-12);
        assertEquals(0.02, s.std(), 1e-12);
        assertEquals(3, s.n());
        assertEquals("82.0 ± 2.0", s.format(100, 1));
    }

    @Test
    void singleValueHasZeroSpreadAndNaNsAreSkipped() {
        assertEquals(new Summary(0.5, 0.0, 1), Summary.of(new double[] {Double.NaN, 0.5}));
        assertEquals("n/a", Summary.of(new double[] {Double.NaN}).format(100, 1));
    }
}
