package io.gnn4j.bench.embed;

import io.gnn4j.datasets.BlogCatalog;
import io.gnn4j.datasets.Datasets;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The FastRP paper's multi-label node classification protocol on BlogCatalog (the DeepWalk scoring script as the
 * FastRP authors ran it): embed once, then for each labelled fraction 10%…90% and each of several shuffles, train a
 * one-vs-rest logistic regression (C = 0.1) on the first fraction of a random permutation of the nodes, predict for
 * every other node its k highest-scoring labels (k its true number of labels), and report micro/macro F1.
 *
 * <p>Usage: {@code MultiLabelEvaluation [--mat PATH] [--config paper|paper-alt] [--dim 512] [--shuffles 5]
 * [--threads 2] [--seed 42] [--c 0.1] [--fractions 0.1,0.2,...]}. "paper" is weights [0, 0, 1, 6.67] with
 * β = −0.64, "paper-alt" is [1, 1, 7.81, 45.28] with β = −0.628; both use the transition matrix, s = √N, powers
 * row-normalised where combined and standardised columns, as in the authors' notebook.
 */
public final class MultiLabelEvaluation {
    private MultiLabelEvaluation() {}

    /** The authors' FastRP configuration named {@code config} ("paper" or "paper-alt"). */
    public static FastRPParameters config(String config, int dim, long seed) {
        FastRPParameters p = FastRPParameters.paperBlogCatalog(dim, seed);
        return switch (config) {
            case "paper" -> p;
            case "paper-alt" -> p.toBuilder().iterationWeights(1, 1, 7.81, 45.28).normalizationStrength(-0.628)
                    .build();
            default -> throw new IllegalArgumentException("config must be paper or paper-alt, got " + config);
        };
    }

    /**
     * Where the shared BlogCatalog file is: {@code blogcatalog/blogcatalog.mat} in the {@code shared/datasets} folder
     * {@link Datasets#sharedFolderAbove found above} {@code gnn4j.projectRoot} (default: the working directory), which
     * may not exist.
     */
    public static Path defaultBlogCatalogPath() {
        Path root = Path.of(System.getProperty("gnn4j.projectRoot", "."));
        return Datasets.sharedFolderAbove(root).resolve("blogcatalog").resolve("blogcatalog.mat");
    }

    /** The node permutation of one shuffle: Fisher–Yates driven by {@code SplittableRandom(seed)}. */
    public static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * One train/test round: the first {@code (int)(fraction·N)} nodes of {@code perm} train, the rest are scored.
     */
    public static MultiLabelF1 score(FastRPResult emb, MultiLabels labels, int[] perm, double fraction,
                                     LogisticRegressionParameters lr, ExecutionContext ctx) {
        int n = perm.length;
        int trainSize = (int) (fraction * n);
        int[] train = java.util.Arrays.copyOfRange(perm, 0, trainSize);
        int[] test = java.util.Arrays.copyOfRange(perm, trainSize, n);
        LogisticRegression trainer = new LogisticRegression(lr, ctx);
        OneVsRestModel model = trainer.fit(emb.embeddings(), emb.dimension(), train, labels.offsets(),
                labels.labels(), labels.numLabels());
        if (Boolean.getBoolean("gnn4j.verbose")) {
            System.err.println("fraction " + fraction + ": " + trainer.lastConvergence());
        }
        int[] k = new int[test.length];
        int[] trueOffsets = new int[test.length + 1];
        for (int i = 0; i < test.length; i++) {
            int u = test[i];
            k[i] = labels.offsets()[u + 1] - labels.offsets()[u];
            trueOffsets[i + 1] = trueOffsets[i] + k[i];
        }
        int[] trueLabels = new int[trueOffsets[test.length]];
        for (int i = 0; i < test.length; i++) {
            int u = test[i];
            System.arraycopy(labels.labels(), labels.offsets()[u], trueLabels, trueOffsets[i], k[i]);
        }
        int[][] pred = model.predictTopK(emb.embeddings(), test, k);
        return MultiLabelF1.of(trueOffsets, trueLabels, pred[0], pred[1], labels.numLabels());
    }

    public static void main(String[] args) throws Exception {
        String mat = defaultBlogCatalogPath().toString();
        String config = "paper";
        int dim = 512, shuffles = 5, threads = 2;
        long seed = 42;
        double c = 0.1;
        double[] fractions = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--mat" -> mat = v;
                case "--config" -> config = v;
                case "--dim" -> dim = Integer.parseInt(v);
                case "--shuffles" -> shuffles = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--c" -> c = Double.parseDouble(v);
                case "--fractions" -> fractions = java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble)
                        .toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        ExecutionContext ctx = ExecutionContext.withThreads(threads);
        NodeDataset data = BlogCatalog.load(Path.of(mat));
        FastRPParameters params = config(config, dim, seed);
        FastRPResult emb = null;
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            emb = new FastRP(data.graph(), params, ctx).compute();
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "BlogCatalog: %d nodes, %d edges, %d labels; %s%n", data.graph().numNodes(),
                data.graph().numEdges(), data.multiLabels().numLabels(), params);
        System.out.printf(Locale.ROOT, "embedding time (best of 3, %d threads): %.3f s%n", threads, best / 1e9);
        LogisticRegressionParameters lr = LogisticRegressionParameters.of(c);
        System.out.println("| labelled | Micro-F1 (mean ± std) | Macro-F1 (mean ± std) |");
        System.out.println("|---|---|---|");
        for (double fr : fractions) {
            double[] mi = new double[shuffles], ma = new double[shuffles];
            for (int s = 0; s < shuffles; s++) {
                MultiLabelF1 f1 = score(emb, data.multiLabels(), permutation(data.graph().numNodes(), seed + s), fr,
                        lr, ctx);
                mi[s] = f1.micro();
                ma[s] = f1.macro();
            }
            System.out.printf(Locale.ROOT, "| %d%% | %.4f ± %.4f | %.4f ± %.4f |%n", Math.round(fr * 100), mean(mi),
                    std(mi), mean(ma), std(ma));
        }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double std(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }
}
