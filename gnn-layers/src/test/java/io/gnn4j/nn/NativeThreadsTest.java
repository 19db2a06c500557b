package io.gnn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeThreadsTest {
    @Test
    void setsTheOpenMpAndBlasPools() {
        int blasBefore = Nd4j.factory().blas().getMaxThreads();
        int ompBefore = Nd4j.getEnvironment().maxMasterThreads();
        try {
            NativeThreads.set(1);
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
            assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        } finally {
            Nd4j.factory().blas().setMaxThreads(blasBefore);
            Nd4j.getEnvironment().setMaxMasterThreads(ompBefore);
        }
    }

    @Test
    void rejectsFewerThanOneThread() {
        var e = assertThrows(IllegalArgumentException.class, () -> NativeThreads.set(0));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
    }
}
