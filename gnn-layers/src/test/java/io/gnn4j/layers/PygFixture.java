package io.gnn4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import io.gnn4j.nn.Module;
import io.gnn4j.nn.Parameter;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The reference values PyTorch Geometric 2.4.0 computes on a small seeded directed random graph
 * ({@code pyg/directed_layers.json}, written by {@code pyg/make_fixture.py} beside it): the graph, the input x and,
 * per layer, its parameters under gnn4j's names and layout, the output and the gradient of
 * {@code Σ out ⊙ sin(k + 1)} with respect to x.
 */
public final class PygFixture {
    private static final String RESOURCE = "/io/gnn4j/layers/pyg/directed_layers.json";
    private static final PygFixture INSTANCE = load();

    private final JsonNode root;

    private PygFixture(JsonNode root) {
        this.root = root;
    }

    /** The fixture, read once. */
    public static PygFixture get() {
        return INSTANCE;
    }

    private static PygFixture load() {
        try (InputStream in = PygFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new PygFixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directed graph with the arcs of PyG's edge_index (source → target), unweighted or with its weights. */
    public Graph graph(boolean weighted) {
        int n = root.get("num_nodes").asInt();
        JsonNode src = root.get("src"), dst = root.get("dst"), w = root.get("edge_weight");
        GraphBuilder b = GraphBuilder.directed(n);
        for (int k = 0; k < src.size(); k++) {
            if (weighted) {
                b.addEdge(src.get(k).asInt(), dst.get(k).asInt(), (float) w.get(k).asDouble());
            } else {
                b.addEdge(src.get(k).asInt(), dst.get(k).asInt());
            }
        }
        return b.build();
    }

    /** A fresh copy of the input features x, as a variable (it receives a gradient). */
    public Tensor input() {
        return Tensor.variable(matrix(root.get("x")).value());
    }

    /** A number stored with a layer's record (e.g. {@code alpha}, {@code hops}). */
    public double number(String layer, String key) {
        return layer(layer).get(key).asDouble();
    }

    /** Copies the layer's reference parameters into {@code module}; every parameter of either side must match. */
    public void loadParameters(String layer, Module module) {
        JsonNode params = layer(layer).get("params");
        Map<String, Parameter> named = module.namedParameters();
        assertEquals(sorted(params.fieldNames()), sorted(named.keySet().iterator()),
                "parameter names of " + layer);
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Tensor value = matrix(params.get(e.getKey()));
            Parameter p = e.getValue();
            assertEquals(p.rows() + "x" + p.cols(), value.rows() + "x" + value.cols(), "shape of " + e.getKey());
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < p.cols(); c++) {
                    p.set(r, c, value.get(r, c));
                }
            }
        }
    }

    /** The reference output of the layer. */
    public Tensor output(String layer) {
        return matrix(layer(layer).get("out"));
    }

    /**
     * Runs {@code forward} on a recording tape with a fresh x, backpropagates {@code Σ out ⊙ sin(k + 1)} and checks
     * the output and x's gradient against the layer's reference values within {@code tol} (absolute).
     */
    public void assertMatches(String layer, BiFunction<Tape, Tensor, Tensor> forward, double tol) {
        float[][] result = LayerFixtures.outputAndGradients(forward, input());
        assertClose(layer + " output", matrix(layer(layer).get("out")), result[0], tol);
        assertClose(layer + " gradient of x", matrix(layer(layer).get("grad_x")), result[1], tol);
    }

    /** Element-wise comparison naming the first element out of tolerance. */
    public static void assertClose(String what, Tensor expected, float[] actual, double tol) {
        float[] e = expected.toFloatArray();
        assertEquals(e.length, actual.length, what + ": number of elements");
        for (int k = 0; k < e.length; k++) {
            if (!(Math.abs(e[k] - actual[k]) <= tol)) {
                throw new AssertionError(what + ": element (" + k / expected.cols() + ", " + k % expected.cols()
                        + ") expected " + e[k] + " but was " + actual[k]);
            }
        }
    }

    private JsonNode layer(String name) {
        JsonNode l = root.get("layers").get(name);
        if (l == null) {
            throw new IllegalArgumentException("no layer " + name + " in " + RESOURCE);
        }
        return l;
    }

    private static Tensor matrix(JsonNode m) {
        int rows = m.get("rows").asInt(), cols = m.get("cols").asInt();
        JsonNode data = m.get("data");
        float[] v = new float[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) data.get(k).asDouble();
        }
        return Tensor.of(rows, cols, v);
    }

    private static List<String> sorted(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        Collections.sort(l);
        return l;
    }
}
