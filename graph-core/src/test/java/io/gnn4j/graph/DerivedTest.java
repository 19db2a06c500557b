package io.gnn4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Structures derived from a graph are built on first use, shared by every caller, and die with the graph. */
class DerivedTest {
    static Graph path(int n) {
        GraphBuilder b = GraphBuilder.directed(n);
        for (int u = 0; u + 1 < n; u++) {
            b.addEdge(u, u + 1, 0.5f);
        }
        return b.build();
    }

    @Test
    void builtOnceThenTheSameInstance() {
        AtomicInteger builds = new AtomicInteger();
        Derived<Graph> gcn = Derived.of("gcn", g -> {
            builds.incrementAndGet();
            return Normalization.gcn(g);
        });
        Graph g = path(5);
        assertSame(g.derived(gcn), g.derived(gcn));
        assertEquals(1, builds.get());
        assertTrue(g.derived(gcn) != path(5).derived(gcn), "each graph keeps its own");
    }

    @Test
    void aBuilderMayDeriveOtherStructuresOfTheSameGraph() {
        Derived<Graph> loops = Derived.of("loops", g -> GraphBuilder.from(g).selfLoops(SelfLoops.ADD).build());
        Derived<Graph> gcnOfLoops = Derived.of("gcn of loops", g -> Normalization.gcn(g.derived(loops)));
        Graph g = path(4);
        Graph op = g.derived(gcnOfLoops);
        assertSame(op, g.derived(gcnOfLoops));
        assertEquals(4 + 3, g.derived(loops).numEntries());
    }

    @Test
    void threadsAskingAtOnceAllGetTheStoredInstance() throws Exception {
        Derived<int[]> slow = Derived.of("slow", g -> new int[g.numNodes()]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                Graph g = path(100);
                CountDownLatch start = new CountDownLatch(1);
                @SuppressWarnings("unchecked")
                Future<int[]>[] got = new Future[4];
                for (int t = 0; t < got.length; t++) {
                    got[t] = pool.submit(() -> {
                        start.await();
                        return g.derived(slow);
                    });
                }
                start.countDown();
                for (Future<int[]> f : got) {
                    assertSame(g.derived(slow), f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void derivedStructuresAreCollectedWithTheirGraph() throws InterruptedException {
        Derived<Graph> gcn = Derived.of("gcn", Normalization::gcn);
        Graph g = path(1000);
        WeakReference<Graph> graph = new WeakReference<>(g);
        WeakReference<Graph> op = new WeakReference<>(g.derived(gcn));
        g = null;
        for (int i = 0; i < 100 && (graph.get() != null || op.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(graph.get() == null && op.get() == null, "the graph or its derived operator is still reachable");
    }
}
