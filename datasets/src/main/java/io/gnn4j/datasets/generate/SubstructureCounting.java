package io.gnn4j.datasets.generate;

import io.gnn4j.datasets.GraphDataset;
import io.gnn4j.datasets.GraphTargets;
import io.gnn4j.datasets.Split;
import io.gnn4j.graph.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The substructure-counting regression benchmark of Chen et al., "Can Graph Neural Networks Count Substructures?",
 * NeurIPS 2020 (the {@code randomgraph} set GNN-AK and later papers reuse), regenerated from a seed: small undirected
 * simple graphs, half Erdős–Rényi G(n, p) and half random d-regular, each with the four exact counts of
 * {@link SubstructureCounts} as targets, every target column divided by its (population) standard deviation over
 * the whole dataset; node feature the constant 1; one fixed split "fixed" taking the published proportions
 * 1500/1000/2500 of 5000 (30 % train, 20 % validation, 50 % test) in a seeded random order. The metric of the
 * literature is the test MAE on these scaled targets.
 *
 * <p>Graph i is drawn from its own stream (seed, i): n uniform in [minNodes, maxNodes]; even i is G(n, p) with p
 * uniform in [0.1, 0.4]; odd i is d-regular with d uniform in {3, 4, 5, 6} below n, with n·d even (n is raised by one
 * when odd d needs it and the bound allows, else d is lowered by one).
 */
public final class SubstructureCounting {
    /** The published size of the benchmark. */
    public static final int PUBLISHED_GRAPHS = 5000;

    private SubstructureCounting() {
    }

    /**
     * {@code numGraphs} graphs of {@code minNodes..maxNodes} nodes (the published set: 5000 graphs of at most 30).
     */
    public static GraphDataset generate(int numGraphs, int minNodes, int maxNodes, long seed) {
        if (numGraphs < 10) {
            throw new IllegalArgumentException("the counting set needs >= 10 graphs for its three parts, got "
                    + numGraphs);
        }
        if (minNodes < 5 || maxNodes < minNodes) {
            throw new IllegalArgumentException("need 5 <= minNodes <= maxNodes, got minNodes = " + minNodes
                    + ", maxNodes = " + maxNodes);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Graph> graphs = new ArrayList<>(numGraphs);
        List<float[]> features = new ArrayList<>(numGraphs);
        int t = SubstructureCounts.NAMES.size();
        double[] counts = new double[numGraphs * t];
        for (int i = 0; i < numGraphs; i++) {
            SplittableRandom r = root.split();
            int n = minNodes + r.nextInt(maxNodes - minNodes + 1);
            Graph g;
            if (i % 2 == 0) {
                g = Generators.erdosRenyi(n, 0.1 + 0.3 * r.nextDouble(), r.nextLong());
            } else {
                int d = Math.min(3 + r.nextInt(4), n - 1);
                if ((n * d) % 2 != 0) {
                    if (n < maxNodes) {
                        n++;
                    } else {
                        d--;
                    }
                }
                g = Generators.randomRegular(n, d, r.nextLong());
            }
            graphs.add(g);
            float[] ones = new float[g.numNodes()];
            Arrays.fill(ones, 1f);
            features.add(ones);
            long[] c = SubstructureCounts.of(g);
            for (int k = 0; k < t; k++) {
                counts[i * t + k] = c[k];
            }
        }
        float[] scaled = new float[counts.length];
        for (int k = 0; k < t; k++) {
            double mean = 0, ss = 0;
            for (int i = 0; i < numGraphs; i++) {
                mean += counts[i * t + k];
            }
            mean /= numGraphs;
            for (int i = 0; i < numGraphs; i++) {
                double dlt = counts[i * t + k] - mean;
                ss += dlt * dlt;
            }
            double std = Math.sqrt(ss / numGraphs);
            for (int i = 0; i < numGraphs; i++) {
                scaled[i * t + k] = (float) (std > 0 ? counts[i * t + k] / std : counts[i * t + k]);
            }
        }
        int[] perm = Generators.permutation(numGraphs, new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL));
        int nTrain = (int) Math.round(numGraphs * 0.3), nVal = (int) Math.round(numGraphs * 0.2);
        Split split = new Split("fixed", Arrays.copyOfRange(perm, 0, nTrain),
                Arrays.copyOfRange(perm, nTrain, nTrain + nVal), Arrays.copyOfRange(perm, nTrain + nVal, numGraphs));
        return new GraphDataset("counting", graphs, 1, features, new int[numGraphs], 1,
                new GraphTargets(SubstructureCounts.NAMES, scaled), List.of(split));
    }

    /** The published configuration: 5000 graphs of 10–30 nodes. */
    public static GraphDataset generate(long seed) {
        return generate(PUBLISHED_GRAPHS, 10, 30, seed);
    }
}
