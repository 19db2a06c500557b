package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.graph.ExecutionContext;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.formats.ArrowFolder;
import io.gnn4j.datasets.generate.Generators;
import io.gnn4j.datasets.generate.PlantedPartition;
import io.gnn4j.layers.Sequential;
import io.gnn4j.nn.StateDict;
import io.gnn4j.nn.Tape;
import io.gnn4j.nn.Tensor;
import io.gnn4j.spark.cli.GnnSpark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
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

    @Test
    void gcnOnAnArrowDatasetWritesThePredictionsOfTheSingleJvmModel() throws Exception {
        NodeDataset data = Generators.plantedPartition(new PlantedPartition(400, 1200, 6, 3, 0.7, 0.5, 2));
        Path arrow = dir.resolve("arrow");
        ArrowFolder.write(data, arrow);
        Sequential model = SparkGcnInference.kipfGcn(0.5f, 6, 8, 3);
        model.resetParameters(new SplittableRandom(4));
        Path weights = dir.resolve("gcn.safetensors");
        StateDict.save(model, weights);
        model.eval();
        float[] expected = model.forward(Tape.noGrad(), data.graph(), Tensor.of(400, 6, data.features()))
                .toFloatArray();
        String out = dir.resolve("pred").toString();
        String[] r = run("gcn", "--master", "local[2]", "--dataset", arrow.toString(), "--partitions", "2",
                "--model", weights.toString(), "--widths", "6,8,3", "--out", out);
        assertEquals("0", r[0], r[2]);
        float[] actual = NodeRowsTable.collect(LocalSpark.session().read().parquet(out), 400, 3);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "logit " + i);
        }
    }
}
