package io.gnn4j.directed;

import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.Graph;
import io.gnn4j.graph.GraphBuilder;
import java.util.EnumMap;
import java.util.Map;

/**
 * AMUD (Sun et al., "Breaking the Entanglement of Homophily and Heterophily in Semi-supervised Node
 * Classification", ICDE 2024): whether a natural directed graph should be modelled as directed or as undirected,
 * decided from how its labels relate to the directed topology. The authors' code for AMUD is not public (their
 * repository xkLi-Allen/AMUD-ADPA holds ADPA only); this follows the description in the project's anchors, itself
 * inferred from a compiled module the authors briefly published, and makes every unstated choice explicit:
 * <ol>
 *   <li>for each directed pattern P ∈ {A, Aᵀ, AA, AᵀAᵀ, AAᵀ, AᵀA} ({@link Pattern}) and for the symmetrised graph's
 *       counterparts U = A ∨ Aᵀ (one hop) and UU (two hops), the operator {@code Â = D^{-1/2} P' D^{-1/2}} with P'
 *       = P without its diagonal (so a node's own label never counts as its neighbours') and d the row sums of P'
 *       ({@link PatternOperator} with r = ½);</li>
 *   <li>the score of P is the Pearson correlation, over the labelled nodes v and classes c, between
 *       {@code (Â·Y)[v][c]} and {@code Y[v][c]}, Y the one-hot labels (rows of unlabelled nodes zero): how well the
 *       labels the pattern carries to a node agree with its own (NaN when either side is constant, e.g. a
 *       pattern without entries; NaN never wins);</li>
 *   <li>the graph is modelled as directed when some directed pattern scores higher than its undirected counterpart
 *       of the same length by more than {@code margin}: A or Aᵀ against U, a two-hop pattern against UU.</li>
 * </ol>
 * The public material states no threshold; the default margin is 0 (any gain of a directed pattern). On an
 * undirected graph every pattern equals its counterpart, so the decision is undirected for any margin ≥ 0.
 *
 * @param scores          score per directed pattern
 * @param undirected      score of U (one hop)
 * @param undirectedTwoHop score of UU (two hops)
 * @param margin          how much a directed pattern must gain over its counterpart
 * @param directed        the decision
 */
public record Amud(Map<Pattern, Double> scores, double undirected, double undirectedTwoHop, double margin,
                   boolean directed) {
    /** The default margin: 0. */
    public static final double DEFAULT_MARGIN = 0;

    /** Copies the scores. */
    public Amud {
        scores = Map.copyOf(scores);
    }

    /** AMUD with the default margin; labels −1 are unlabelled (e.g. all but the training nodes). */
    public static Amud of(Graph g, int[] labels, ExecutionContext ctx) {
        return of(g, labels, DEFAULT_MARGIN, ctx);
    }

    /** AMUD with the given margin (≥ 0). */
    public static Amud of(Graph g, int[] labels, double margin, ExecutionContext ctx) {
        if (labels.length != g.numNodes()) {
            throw new IllegalArgumentException(labels.length + " labels for " + g.numNodes() + " nodes");
        }
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        int classes = 0;
        for (int y : labels) {
            classes = Math.max(classes, y + 1);
        }
        if (classes == 0) {
            throw new IllegalArgumentException("AMUD needs labelled nodes; all " + labels.length + " are unlabelled");
        }
        int n = g.numNodes();
        float[] y = new float[n * classes];
        for (int v = 0; v < n; v++) {
            if (labels[v] >= 0) {
                y[v * classes + labels[v]] = 1f;
            }
        }
        Map<Pattern, Double> scores = new EnumMap<>(Pattern.class);
        for (Pattern p : Pattern.values()) {
            scores.put(p, score(PatternOperator.of(g, p, false, true, 0.5, ctx), y, labels, classes, ctx));
        }
        Graph u = symmetrised(g);
        double one = score(PatternOperator.of(u, Pattern.A, false, true, 0.5, ctx), y, labels, classes, ctx);
        double two = score(PatternOperator.of(u, Pattern.AA, false, true, 0.5, ctx), y, labels, classes, ctx);
        boolean directed = false;
        for (Pattern p : Pattern.values()) {
            double counterpart = p.twoHop() ? two : one;
            directed |= scores.get(p) > counterpart + margin;
        }
        return new Amud(scores, one, two, margin, directed);
    }

    /**
     * The undirected graph on the same nodes with an edge u–v wherever u→v or v→u is stored (weights: the larger of
     * the two; self loops kept): the graph that "modelled as undirected" means.
     */
    public static Graph symmetrised(Graph g) {
        if (!g.isDirected()) {
            return g;
        }
        return GraphBuilder.undirected(g.numNodes()).addEntries(g).build();
    }

    /** The best directed pattern (highest score). */
    public Pattern best() {
        Pattern best = null;
        for (Pattern p : Pattern.values()) {
            if (best == null || Double.isNaN(scores.get(best)) || scores.get(p) > scores.get(best)) {
                best = p;
            }
        }
        return best;
    }

    private static double score(PatternOperator op, float[] y, int[] labels, int classes, ExecutionContext ctx) {
        float[] yHat = op.apply(y, classes, ctx);
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long m = 0;
        for (int v = 0; v < labels.length; v++) {
            if (labels[v] < 0) {
                continue;
            }
            for (int c = 0, o = v * classes; c < classes; c++) {
                double a = yHat[o + c], b = y[o + c];
                sa += a;
                sb += b;
                saa += a * a;
                sbb += b * b;
                sab += a * b;
                m++;
            }
        }
        double cov = sab - sa * sb / m, va = saa - sa * sa / m, vb = sbb - sb * sb / m;
        return va <= 0 || vb <= 0 ? Double.NaN : cov / Math.sqrt(va * vb);
    }
}
