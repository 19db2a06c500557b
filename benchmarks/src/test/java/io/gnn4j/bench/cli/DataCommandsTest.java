package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gnn4j.bench.cli.CommandsEndToEndTest.Run;
import io.gnn4j.bench.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-facing options and commands end to end on small data. */
class DataCommandsTest {
    @Test
    void nodeTrainsOnAFeaturelessDatasetWithoutSplitsUsingAStratifiedRatioSplit(@TempDir Path tmp) throws Exception {
        Path polblogs = SharedData.require("polblogs/npz/polblogs.npz");
        Run r = CommandsEndToEndTest.run("node", "--dataset", polblogs.toString(), "--model", "mlp", "--seeds", "2",
                "--epochs", "3", "--split", "random", "--train", "0.5", "--val", "0.25", "--featureless", "degree",
                "--threads", "1", "--quiet", "--no-plots", "-o", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals("random-0.5-0.25-seed-0", json.at("/runs/0/protocol").asText());
        assertEquals("random-0.5-0.25-seed-1", json.at("/runs/1/protocol").asText());
    }

    @Test
    void aDirectedEdgeListKeepsItsDirectionWithEdgesAsArcs(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("web.edgelist"), "0 1\n1 2\n2 3\n3 0\n0 2\n");
        Run plain = CommandsEndToEndTest.run("info", "--dataset", f.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains(String.format("%-15s %s", "reciprocity", "1.0000")), plain.out());
        Run arcs = CommandsEndToEndTest.run("info", "--dataset", f.toString(), "--edges-as-arcs");
        assertEquals(0, arcs.code(), arcs.err());
        // five arcs, none reciprocated; the 4-cycle makes one strong component
        assertTrue(arcs.out().contains(String.format("%-15s %s", "reciprocity", "0.0000")), arcs.out());
        assertTrue(arcs.out().contains("1 weak, 1 strong"), arcs.out());
        Path arrow = tmp.resolve("web-arrow");
        Run c = CommandsEndToEndTest.run("convert", "--dataset", f.toString(), "--edges-as-arcs", "--to", "arrow",
                arrow.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("5 edges (directed)"), c.out());
    }

    @Test
    void convertWritesArrowThatInfoNodeLinkAndArrowJsRead(@TempDir Path tmp) throws Exception {
        Path arrow = tmp.resolve("cora-arrow");
        Run c = CommandsEndToEndTest.run("convert", "--dataset", "cora", "--to", "arrow", arrow.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("2708 nodes") && c.out().contains("split 'public'"), c.out());

        Run info = CommandsEndToEndTest.run("info", "--dataset", arrow.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains(arrow.toAbsolutePath().normalize().toString()), info.out());
        assertTrue(info.out().contains(String.format("%-15s %s", "split", "split: 140 train / 500 val / 1000 test")),
                info.out());
        // bundled Cora is undirected: every arc reciprocated, one strong component per weak one
        assertTrue(info.out().contains(String.format("%-15s %s", "reciprocity", "1.0000")), info.out());
        assertTrue(info.out().contains("78 weak, 78 strong"), info.out());

        Run node = CommandsEndToEndTest.run("node", "--dataset", arrow.toString(), "--model", "gcn", "--seeds", "1",
                "--epochs", "2", "--threads", "1", "--quiet", "--no-plots", "-o", tmp.resolve("node").toString());
        assertEquals(0, node.code(), node.err());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("node/results.json").toFile());
        assertEquals("split", json.at("/runs/0/protocol").asText());
        Run link = CommandsEndToEndTest.run("link", "--dataset", arrow.toString(), "--model", "gcn", "--seeds", "1",
                "--epochs", "2", "--threads", "1", "--quiet", "--no-plots", "-o", tmp.resolve("link").toString());
        assertEquals(0, link.code(), link.err());

        Run bad = CommandsEndToEndTest.run("convert", "--dataset", "mutag", "--to", "arrow", tmp.resolve("m").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("only node datasets convert"), bad.err());

        // arrow-js (graph-core/src/test/js) reads what convert wrote: the split column and every row.
        Path js = Path.of(System.getProperty("gnn4j.projectRoot", ".."), "graph-core", "src", "test", "js");
        Assumptions.assumeTrue(Files.isDirectory(js.resolve("node_modules/apache-arrow")) || "true".equals(
                System.getenv("CI")), "arrow-js not installed (npm ci --prefix graph-core/src/test/js)");
        Process p = new ProcessBuilder("node", js.resolve("read-graph.mjs").toString(), arrow.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", lines.subList(0, Math.min(5, lines.size()))));
        assertEquals("table nodes rows 2708 batches 1", lines.getFirst());
        assertTrue(lines.contains("field split Utf8 true"), lines.subList(0, 6).toString());
        long trainRows = lines.stream().filter(l -> l.startsWith("row ") && l.endsWith(" train")).count();
        assertEquals(140, trainRows);
        assertTrue(lines.contains("table edges rows 5278 batches 1"), "5,278 undirected Cora edges, each once");
    }
}
