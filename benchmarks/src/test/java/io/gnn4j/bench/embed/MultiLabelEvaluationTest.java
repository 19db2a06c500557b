package io.gnn4j.bench.embed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.datasets.BlogCatalog;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MultiLabelEvaluationTest {
    @Test
    void blogCatalogReachesThePapersQualityAtTenPercentLabels() throws Exception {
        Path p = MultiLabelEvaluation.defaultBlogCatalogPath();
        Assumptions.assumeTrue(Files.exists(p), p + " absent, skipped");
        ExecutionContext ctx = ExecutionContext.withThreads(2);
        NodeDataset data = BlogCatalog.load(p);
        long t0 = System.nanoTime();
        FastRPResult emb = new FastRP(data.graph(), MultiLabelEvaluation.config("paper", 512, 42), ctx).compute();
        long t1 = System.nanoTime();
        MultiLabelF1 f1 = MultiLabelEvaluation.score(emb, data.multiLabels(),
                MultiLabelEvaluation.permutation(data.graph().numNodes(), 42), 0.1, LogisticRegressionParameters.of(0.1),
                ctx);
        long t2 = System.nanoTime();
        System.out.printf("BlogCatalog d=512 at 10%%: micro %.4f macro %.4f (embed %.2f s, classify %.2f s)%n",
                f1.micro(), f1.macro(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(f1.micro() >= 0.365, "Micro-F1 " + f1.micro() + " < 0.365");
        assertTrue(f1.macro() >= 0.225, "Macro-F1 " + f1.macro() + " < 0.225");
    }
}
