package io.gnn4j.bench.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.SharedData;
import io.gnn4j.datasets.BlogCatalog;
import io.gnn4j.datasets.MultiLabels;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.graph.GraphBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DeepWalk/FastRP multi-label protocol: label sets of single-label data, and the paper's figure on BlogCatalog. */
class MultiLabelEvaluationTest {
    @Test
    void singleLabelsBecomeSetsOfOneAndUnlabelledNodesEmptySets() {
        NodeDataset d = new NodeDataset("tiny", GraphBuilder.undirected(3).addEdge(0, 1).build(), 0, new float[0],
                new int[] {2, -1, 0}, 3, List.of(), null);
        MultiLabels l = MultiLabelEvaluation.labelsOf(d);
        assertEquals(3, l.numLabels());
        assertArrayEquals(new int[] {0, 1, 1, 2}, l.offsets());
        assertArrayEquals(new int[] {2, 0}, l.labels());
        NodeDataset unlabelled = new NodeDataset("bare", d.graph(), 0, new float[0], new int[] {-1, -1, -1}, 0,
                List.of(), null);
        var e = assertThrows(IllegalArgumentException.class, () -> MultiLabelEvaluation.labelsOf(unlabelled));
        assertTrue(e.getMessage().contains("bare") && e.getMessage().contains("0 labelled"), e.getMessage());
    }

    @Test
    void blogCatalogReachesThePapersQualityAtTenPercentLabels() throws Exception {
        Path p = SharedData.require("blogcatalog/blogcatalog.mat");
        ExecutionContext ctx = ExecutionContext.withThreads(2);
        NodeDataset data = BlogCatalog.load(p);
        long t0 = System.nanoTime();
        FastRPResult emb = new FastRP(data.graph(), FastRPParameters.paperBlogCatalog(512, 42), ctx).compute();
        long t1 = System.nanoTime();
        MultiLabelF1 f1 = MultiLabelEvaluation.score(emb, MultiLabelEvaluation.labelsOf(data),
                MultiLabelEvaluation.permutation(data.graph().numNodes(), 42), 0.1,
                LogisticRegressionParameters.of(0.1), ctx);
        long t2 = System.nanoTime();
        System.out.printf("BlogCatalog d=512 at 10%%: micro %.4f macro %.4f (embed %.2f s, classify %.2f s)%n",
                f1.micro(), f1.macro(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(f1.micro() >= 0.365, "Micro-F1 " + f1.micro() + " < 0.365");
        assertTrue(f1.macro() >= 0.225, "Macro-F1 " + f1.macro() + " < 0.225");
    }
}
