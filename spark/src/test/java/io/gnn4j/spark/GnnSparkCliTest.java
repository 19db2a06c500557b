package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.spark.cli.GnnSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GnnSparkCliTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = GnnSpark.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"fastrp", "gcn", "scale"}) {
            String[] r = run(c, "--help");
            assertEquals("0", r[0]);
            assertTrue(r[1].contains("Usage: gnn4j-spark " + c), r[1]);
        }
        assertTrue(run("--help")[1].contains("fastrp"));
    }

    @Test
    void aBadConfigIsOneLineExitCode2() {
        String[] r = run("fastrp", "--master", "local[1]", "--edges", "x", "--partitions", "2", "--out", "y",
                "--config", "nope");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--config must be gds or paper, got nope"), r[2]);
    }

    @Test
    void fastrpFromCsvWritesTheEmbeddingsOfTheSingleJvmFastRP() throws Exception {
        int n = 300;
        int[][] e = LocalSpark.randomEdges(n, 900, 12);
        Path edges = LocalSpark.csvEdges(dir, e, "src,dst");
        String out = dir.resolve("emb").toString();
        String[] r = run("fastrp", "--master", "local[2]", "--edges", edges.toString(), "--format", "csv",
                "--nodes", Integer.toString(n), "--partitions", "3", "--dimension", "16", "--seed", "5",
                "--out", out);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("PropagationRound"), r[1]);
        float[] actual = NodeRowsTable.collect(LocalSpark.session().read().parquet(out), n, 16);
        float[] expected = new FastRP(LocalSpark.graph(n, e, true), FastRPParameters.gdsDefaults(16, 5),
                ExecutionContext.withThreads(1)).compute().embeddings();
        float[] rounded = new float[n * 16];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = Math.round((actual[i] - expected[i]) * 1e4f);
        }
        assertArrayEquals(new float[n * 16], rounded, "differences beyond 5e-5");
    }
}
