package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBatch;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Adam;
import io.gnn4j.nn.EdgeIndex;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training over thousands of transient mini-batch graphs keeps memory flat: every structure derived from a batch
 * graph (operators, edge index, the tape's regroupings of its edge arrays) is reachable only from that graph, so
 * once the step is over the graph and all of it are collected. Checked by reachability, not by timing or heap size:
 * a global cache holding any of them fails the test.
 */
class TransientGraphsTest {
    static final int STEPS = 2000, F = 6, CLASSES = 3;

    /** A mini-batch of three small random weighted directed graphs (weighted and directed: every operator path). */
    static Graph batch(SplittableRandom r) {
        List<Graph> graphs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = 5 + r.nextInt(20);
            GraphBuilder b = GraphBuilder.directed(n);
            for (int e = 0; e < 3 * n; e++) {
                b.addEdge(r.nextInt(n), r.nextInt(n), 0.5f + r.nextFloat());
            }
            graphs.add(b.build());
        }
        return GraphBatch.of(graphs).graph();
    }

    @Test
    void batchGraphsAndEverythingDerivedFromThemAreCollected() throws InterruptedException {
        GCNConv gcn = new GCNConv(F, 8);
        GATConv gat = new GATConv(8, 4, 2, true, 0.2f, 0f, true, true);
        SAGEConv sage = new SAGEConv(8, CLASSES);
        GINConv gin = new GINConv(new MLP(8, 8, 8));
        Sequential all = new Sequential(gcn, gat, sage, gin);
        all.resetParameters(new SplittableRandom(1));
        Adam adam = new Adam(all.parameters(), 0.01, 0);
        Tape tape = new Tape(7);
        SplittableRandom r = new SplittableRandom(3);
        List<WeakReference<Object>> derived = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            Graph g = batch(r);
            int n = g.numNodes();
            float[] x = new float[n * F];
            int[] labels = new int[n], train = new int[n];
            for (int v = 0; v < n; v++) {
                x[v * F + v % F] = 1f;
                labels[v] = v % CLASSES;
                train[v] = v;
            }
            adam.zeroGrad();
            Tensor h = tape.relu(gcn.forward(tape, g, Tensor.of(n, F, x)));
            h = tape.add(tape.relu(gat.forward(tape, g, h)), gin.forward(tape, g, h));
            Tensor loss = tape.crossEntropy(sage.forward(tape, g, h), labels, train);
            tape.backward(loss);
            adam.step();
            tape.reset();
            Graph loops = Operators.withSelfLoops(g);
            for (Object o : new Object[] {g, Operators.gcn(g), loops, EdgeIndex.of(loops), Operators.unweighted(g),
                    Operators.meanIncoming(Operators.unweighted(g)), g.transpose()}) {
                derived.add(new WeakReference<>(o));
            }
        }
        long alive = derived.size();
        for (int i = 0; i < 200 && alive > 0; i++) {
            System.gc();
            Thread.sleep(20);
            alive = derived.stream().filter(w -> w.get() != null).count();
        }
        assertEquals(0, alive, "structures of transient graphs still reachable after " + STEPS + " steps");
    }

    @Test
    void noClassKeepsAGlobalCache() throws ClassNotFoundException {
        for (Class<?> c : new Class<?>[] {Operators.class, EdgeIndex.class, Graph.class,
                Class.forName("io.gnn4j.nn.Groupings"), Class.forName("io.gnn4j.nn.Tape")}) {
            for (Field f : c.getDeclaredFields()) {
                boolean container = Map.class.isAssignableFrom(f.getType())
                        || Collection.class.isAssignableFrom(f.getType());
                assertFalse(Modifier.isStatic(f.getModifiers()) && container, c.getSimpleName() + "." + f.getName()
                        + " is a static collection");
            }
        }
    }
}
