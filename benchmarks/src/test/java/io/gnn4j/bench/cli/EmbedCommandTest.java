package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gnn4j.bench.cli.CommandsEndToEndTest.Run;
import io.gnn4j.datasets.NodeDataset;
import io.gnn4j.datasets.npz.NpyArray;
import io.gnn4j.embed.FastRP;
import io.gnn4j.embed.FastRPParameters;
import io.gnn4j.embed.FastRPResult;
import io.gnn4j.graph.ExecutionContext;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gnn4j embed} end to end on the bundled karate club and Cora: the .npy and Arrow files read back (with NumPy's
 * layout and plain Arrow Java) as the N×d FastRP embedding computed directly, and {@code --evaluate} reports F1.
 */
class EmbedCommandTest {
    @Test
    void writesTheFastRPEmbeddingAsNpyAndArrow(@TempDir Path dir) throws Exception {
        Run r = CommandsEndToEndTest.run("embed", "--dataset", "karate", "--preset", "gds", "--dim", "16", "--seed",
                "7", "--threads", "2", "--quiet", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("34×16 embedding"), r.err());
        assertFalse(Files.exists(dir.resolve("runs.csv")), "no tables without --evaluate");
        NodeDataset karate = DatasetArgument.node(DatasetArgument.load("karate", false));
        FastRPResult direct = new FastRP(karate.graph(), FastRPParameters.gdsDefaults(16, 7),
                ExecutionContext.withThreads(1)).compute();
        assertEquals(34, direct.numNodes());

        NpyArray npy = NpyArray.read(dir.resolve("embeddings.npy"));
        assertArrayEquals(new long[] {34, 16}, npy.shape());
        assertEquals("<f4", npy.dtype().descr());
        assertFalse(npy.fortranOrder());
        assertArrayEquals(direct.embeddings(), npy.toFloatArray());

        try (BufferAllocator allocator = new RootAllocator();
             FileChannel ch = FileChannel.open(dir.resolve("embeddings.arrow"));
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertEquals(List.of("id", "features"),
                    root.getSchema().getFields().stream().map(f -> f.getName()).toList());
            assertEquals(new ArrowType.FixedSizeList(16), root.getSchema().findField("features").getType());
            float[] values = new float[34 * 16];
            int rows = 0;
            while (reader.loadNextBatch()) {
                IntVector ids = (IntVector) root.getVector("id");
                Float4Vector items = (Float4Vector) ((FixedSizeListVector) root.getVector("features")).getDataVector();
                for (int i = 0; i < root.getRowCount(); i++) {
                    for (int j = 0; j < 16; j++) {
                        values[ids.get(i) * 16 + j] = items.get(i * 16 + j);
                    }
                }
                rows += root.getRowCount();
            }
            assertEquals(34, rows);
            assertArrayEquals(direct.embeddings(), values);
        }
    }

    @Test
    void evaluateReportsMicroAndMacroF1PerLabelledFraction(@TempDir Path dir) throws Exception {
        Run r = CommandsEndToEndTest.run("embed", "--dataset", "cora", "--dim", "64", "--evaluate", "--fractions",
                "0.2,0.5", "--shuffles", "2", "--threads", "2", "--quiet", "--no-plots", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("| dataset | model | protocol | runs | micro f1 (%) | macro f1 (%) |"),
                lines.get(0));
        assertTrue(lines.get(2).startsWith("| cora | fastrp | labelled 20% | 2 |"), lines.get(2));
        assertEquals(5, Files.readAllLines(dir.resolve("runs.csv")).size());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("embed", json.at("/settings/command").asText());
        for (int row = 0; row < 2; row++) {
            double micro = json.at("/summary/" + row + "/metrics/micro_f1/mean").asDouble();
            // FastRP + logistic regression on Cora: far above the majority class (30 %), below perfection.
            assertTrue(micro > 0.5 && micro < 0.95, "micro-F1 " + micro);
        }
        assertTrue(Files.size(dir.resolve("embeddings.npy")) > 2708 * 64 * 4);
    }

    @Test
    void helpListsTheOptionsAndBadInputIsOneLine() {
        Run help = CommandsEndToEndTest.run("embed", "--help");
        assertEquals(0, help.code());
        for (String o : List.of("--dataset", "--preset", "--dim", "--evaluate", "--fractions", "--shuffles",
                "--output")) {
            assertTrue(help.out().contains(o), o);
        }
        Run preset = CommandsEndToEndTest.run("embed", "--dataset", "karate", "--preset", "best");
        assertEquals(2, preset.code());
        assertTrue(preset.err().contains("'best'") && preset.err().contains("paper"), preset.err());
        Run graphs = CommandsEndToEndTest.run("embed", "--dataset", "mutag", "--quiet");
        assertEquals(2, graphs.code());
        assertTrue(graphs.err().contains("graph-level"), graphs.err());
        Run fraction = CommandsEndToEndTest.run("embed", "--dataset", "karate", "--evaluate", "--fractions", "1.5");
        assertEquals(2, fraction.code());
        assertTrue(fraction.err().contains("1.5"), fraction.err());
        Run config = CommandsEndToEndTest.run("embed", "--dataset", "karate", "--config", "gcn-cora");
        assertEquals(2, config.code());
        assertTrue(config.err().contains("gcn-cora") && config.err().contains("--preset"), config.err());
    }
}
