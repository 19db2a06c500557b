package io.gnn4j.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {
    private static RunResult run(String dataset, String model, int run, double test, double val, long peak) {
        TrainingHistory h = new TrainingHistory();
        h.add(1.5, 0.3, 1.6, 0.25, 0.02);
        h.add(1.0, 0.6, 1.2, val, 0.04);
        h.add(0.7, 0.9, 1.3, val - 0.01, 0.03);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_acc", test);
        m.put("val_acc", val);
        return new RunResult(dataset, model, "public", run, 100 + run, m, 2, 3, h.meanSecondsPerEpoch(), peak, h);
    }

    private static ResultsTable table() {
        ResultsTable t = new ResultsTable();
        t.add(run("cora", "gcn", 0, 0.80, 0.78, 300L << 20));
        t.add(run("cora", "gcn", 1, 0.82, 0.80, 310L << 20));
        t.add(run("cora", "gcn", 2, 0.84, 0.79, 305L << 20));
        t.add(run("cora", "mlp, plain", 0, 0.55, 0.57, -1));
        return t;
    }

    @Test
    void markdownHasOneRowPerDatasetAndModelWithMeanAndStd() {
        String md = table().toMarkdown();
        List<String> lines = md.lines().toList();
        assertEquals(4, lines.size());
        assertEquals("| dataset | model | runs | test acc (%) | val acc (%) | best epoch | s/epoch | peak memory (MB) |",
                lines.get(0));
        assertEquals("|---|---|---:|---:|---:|---:|---:|---:|", lines.get(1));
        assertEquals("| cora | gcn | 3 | 82.0 ± 2.0 | 79.0 ± 1.0 | 2.0 | 0.0300 | 310 |", lines.get(2));
        assertEquals("| cora | mlp, plain | 1 | 55.0 ± 0.0 | 57.0 ± 0.0 | 2.0 | 0.0300 | n/a |", lines.get(3));
    }

    @Test
    void runsOfDifferentProtocolsAreNeverAveragedTogether() {
        ResultsTable t = table();
        RunResult other = run("cora", "gcn", 0, 0.60, 0.61, 1);
        t.add(new RunResult(other.dataset(), other.model(), "geom-gcn", 0, other.seed(), other.metrics(),
                other.bestEpoch(), other.epochs(), other.secondsPerEpoch(), other.peakMemory(), other.history()));
        assertTrue(t.mixesProtocols());
        List<String> lines = t.toMarkdown().lines().toList();
        assertEquals("| dataset | model | protocol | runs | test acc (%) | val acc (%) | best epoch | s/epoch | peak memory "
                + "(MB) |", lines.get(0));
        assertEquals("|---|---|---|---:|---:|---:|---:|---:|---:|", lines.get(1));
        assertEquals("| cora | gcn | public | 3 | 82.0 ± 2.0 | 79.0 ± 1.0 | 2.0 | 0.0300 | 310 |", lines.get(2));
        assertEquals("| cora | gcn | geom-gcn | 1 | 60.0 ± 0.0 | 61.0 ± 0.0 | 2.0 | 0.0300 | 0 |", lines.get(4));
    }

    @Test
    void csvFilesHaveOneLinePerRunGroupAndEpoch() {
        ResultsTable t = table();
        List<String> runs = ResultsWriter.runsCsv(t).lines().toList();
        assertEquals("dataset,model,protocol,run,seed,test_acc,val_acc,best_epoch,epochs,seconds_per_epoch,"
                + "peak_memory_bytes", runs.get(0));
        assertEquals(5, runs.size());
        assertEquals("cora,gcn,public,1,101,0.820000,0.800000,2,3,0.0300000," + (310L << 20), runs.get(2));
        assertEquals("cora,\"mlp, plain\",public,0,100,0.550000,0.570000,2,3,0.0300000,", runs.get(4));
        List<String> summary = ResultsWriter.summaryCsv(t).lines().toList();
        assertEquals(3, summary.size());
        assertEquals("dataset,model,protocol,runs,test_acc_mean,test_acc_std,val_acc_mean,val_acc_std,best_epoch_mean,"
                + "seconds_per_epoch,peak_memory_bytes", summary.get(0));
        assertEquals("cora,gcn,public,3,0.820000,0.0200000,0.790000,0.0100000,2.00000,0.0300000," + (310L << 20),
                summary.get(1));
        assertEquals(1 + 4 * 3, ResultsWriter.curvesCsv(t).lines().count());
    }

    @Test
    void jsonHoldsSettingsSummaryAndRunsWithCurvesAndNullForMissing(@TempDir Path dir) throws Exception {
        List<Path> files = ResultsWriter.write(table(), Map.of("epochs", 3, "dataset", "cora"), dir);
        assertEquals(4, files.size());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(3, root.at("/settings/epochs").asInt());
        assertEquals(2, root.get("summary").size());
        assertEquals(0.82, root.at("/summary/0/metrics/test_acc/mean").asDouble(), 1e-12);
        assertEquals(0.02, root.at("/summary/0/metrics/test_acc/std").asDouble(), 1e-12);
        assertTrue(root.at("/summary/1/peakMemoryBytes").isNull());
        assertEquals(4, root.get("runs").size());
        assertEquals(3, root.at("/runs/0/curves/valLoss").size());
        assertEquals(1.2, root.at("/runs/0/curves/valLoss/1").asDouble(), 1e-12);
        assertTrue(Files.readString(dir.resolve("runs.csv")).startsWith("dataset,model,"));
    }

    @Test
    void plotsAreReadablePngsOnePerRunPlusTheBars(@TempDir Path dir) throws Exception {
        List<Path> pngs = Plots.write(table(), "test_acc", dir);
        assertEquals(5, pngs.size());
        assertTrue(pngs.contains(dir.resolve("curves-cora-mlp_plain-run0.png")));
        for (Path p : pngs) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, p + " is not a drawn PNG");
        }
        assertEquals(1280, ImageIO.read(dir.resolve("curves-cora-gcn-run0.png").toFile()).getWidth());
    }

    @Test
    void runsCsvReadsBackIntoTheSameTable(@TempDir Path dir) throws Exception {
        ResultsTable t = table();
        ResultsWriter.write(t, Map.of(), dir);
        ResultsTable back = new ResultsTable();
        ResultsReader.readRuns(dir.resolve("runs.csv")).forEach(back::add);
        assertEquals(t.toMarkdown(), back.toMarkdown());
        assertEquals("mlp, plain", back.results().get(3).model());
        assertEquals(-1, back.results().get(3).peakMemory());
    }

    @Test
    void malformedRunsCsvNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("runs.csv");
        Files.writeString(f, ResultsWriter.runsCsv(table()).replace("cora,gcn,public,1,101,", "cora,gcn,public,x,101,"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResultsReader.readRuns(f));
        assertEquals(f + ": line 3: expected numbers, found For input string: \"x\"", e.getMessage());
        Files.writeString(f, "a,b\n");
        var e2 = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ResultsReader.readRuns(f));
        assertTrue(e2.getMessage().startsWith(f + ": line 1: expected the runs.csv header"), e2.getMessage());
    }

    @Test
    void barChartCopesWithModelsMissingOnSomeDatasets(@TempDir Path dir) throws Exception {
        ResultsTable t = table();
        t.add(run("citeseer", "gcn", 0, 0.70, 0.71, -1));   // "mlp, plain" did not run on citeseer
        Path p = dir.resolve("bars.png");
        Plots.saveBars(t, "test_acc", p);
        assertTrue(ImageIO.read(p.toFile()).getWidth() >= 480);
    }
}
