package io.gnn4j.bench.data;

import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.Split;
import io.gnn4j.datasets.formats.GeomGcn;
import io.gnn4j.directed.Amud;
import io.gnn4j.directed.Pattern;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --directed auto|yes|no} of {@code gnn4j node}: whether the models see the dataset's directed graph or its
 * symmetrisation. {@code yes} keeps the natural direction (a Geom-GCN folder, which {@link Datasets} symmetrises, is
 * re-read with its edge lines' direction), {@code no} symmetrises ({@link Amud#symmetrised}), {@code auto} asks
 * {@link Amud} on the directed graph with the labels of the first split's training nodes only (validation and test
 * labels stay unseen) and applies its decision. What was done is recorded in the run's settings.
 */
public enum DirectedModelling {
    /** AMUD decides. */
    AUTO,
    /** The directed graph. */
    YES,
    /** The symmetrised graph. */
    NO;

    /** Parses auto, yes or no (any case). */
    public static DirectedModelling parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--directed must be auto, yes or no, got '" + s + "'");
        }
    }

    /**
     * The dataset with the graph this mode chooses; {@code settings} receives "directed" (the mode), "graph"
     * (directed/undirected, as trained) and for {@code auto} the AMUD scores and decision.
     */
    public NodeDataset apply(Datasets.Loaded loaded, NodeDataset data, Split first, ExecutionContext ctx,
                             Map<String, Object> settings) throws IOException {
        Graph natural = natural(loaded, data);
        boolean directed = switch (this) {
            case YES -> true;
            case NO -> false;
            case AUTO -> {
                int[] labels = new int[data.labels().length];
                java.util.Arrays.fill(labels, -1);
                for (int v : first.train()) {
                    labels[v] = data.labels()[v];
                }
                Amud amud = Amud.of(natural, labels, ctx);
                Map<String, Object> a = new LinkedHashMap<>();
                for (Pattern p : Pattern.values()) {
                    a.put(p.name(), amud.scores().get(p));
                }
                a.put("U", amud.undirected());
                a.put("UU", amud.undirectedTwoHop());
                a.put("margin", amud.margin());
                a.put("labels", "training nodes of split " + first.name());
                a.put("decision", amud.directed() ? "directed" : "undirected");
                settings.put("amud", a);
                yield amud.directed();
            }
        };
        Graph g = directed ? natural : Amud.symmetrised(natural);
        settings.put("directed", name().toLowerCase(Locale.ROOT));
        settings.put("graph", g.isDirected() ? "directed" : "undirected");
        return g == data.graph() ? data : new NodeDataset(data.name(), g, data.numFeatures(), data.features(),
                data.labels(), data.numClasses(), data.splits(), data.multiLabels());
    }

    /**
     * The dataset's graph with its natural direction: the graph as loaded when directed, a Geom-GCN folder's edge
     * file re-read directed (duplicate lines kept, self loops kept), else the undirected graph as loaded.
     */
    public static Graph natural(Datasets.Loaded loaded, NodeDataset data) throws IOException {
        if (data.graph().isDirected()) {
            return data.graph();
        }
        Path edges;
        try {
            edges = Path.of(loaded.source()).resolve("out1_graph_edges.txt");
        } catch (InvalidPathException e) {
            return data.graph();
        }
        return Files.isRegularFile(edges) ? GeomGcn.loadEdges(edges, data.graph().numNodes(), true) : data.graph();
    }
}
