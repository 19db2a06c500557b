package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.bench.task.DepthSweep;
import io.gnn4j.bench.task.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gnn4j depth-sweep}: one point per child JVM, the table, CSV and plot, and skipped points listed. */
class DepthSweepCommandTest {
    @Test
    void runsEachPointInItsOwnProcessAndWritesTableCsvAndPlot(@TempDir Path dir) throws Exception {
        CommandsEndToEndTest.Run r = CommandsEndToEndTest.run("depth-sweep", "--nodes", "300", "--hidden", "8",
                "--depths", "2", "--training", "tpsgd,backprop", "--epochs", "1", "--backprop-max-depth", "1",
                "--output", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| backprop at depth 2: not run (deeper than --backprop-max-depth 1) |"),
                r.out());
        List<String> csv = Files.readAllLines(dir.resolve("depth-sweep.csv"));
        assertEquals(2, csv.size(), String.join("\n", csv));
        DepthSweep.Point p = DepthSweepCommand.parse(csv.get(1));
        assertEquals(Training.TPSGD, p.training());
        assertEquals(2, p.depth());
        assertTrue(p.peakRssBytes() > 0 && p.tapePeakBytes() > 0 && p.secondsPerStep() > 0, csv.get(1));
        assertEquals(csv.get(1), DepthSweepCommand.csv(p));
        assertTrue(Files.size(dir.resolve("depth-sweep.png")) > 0);
        assertTrue(Files.readString(dir.resolve("depth-sweep.md")).startsWith("Load average"));

        Path redrawn = dir.resolve("redrawn");
        CommandsEndToEndTest.Run again = CommandsEndToEndTest.run("depth-sweep", "--from-csv",
                dir.resolve("depth-sweep.csv").toString(), "--output", redrawn.toString());
        assertEquals(0, again.code(), again.err());
        String row = r.out().lines().filter(l -> l.startsWith("| tpsgd | 2 |")).findFirst().orElseThrow();
        assertTrue(again.out().contains(row), again.out());
        assertTrue(Files.size(redrawn.resolve("depth-sweep.png")) > 0);
    }

    @Test
    void theTableChargesTheLayersAddedSinceThePreviousDepth() {
        List<DepthSweep.Point> points = List.of(
                new DepthSweep.Point(Training.BACKPROP, 2, 4, 8, 16, 0.4, 0.4),
                new DepthSweep.Point(Training.FORWARD_SF, 2, 4, 8, 16, 0.5, 1.0),
                new DepthSweep.Point(Training.BACKPROP, 8, 4, 8, 16, 1.6, 1.6),
                new DepthSweep.Point(Training.FORWARD_SF, 4, 4, 8, 16, 0.45, 1.8));
        List<String> rows = DepthSweepCommand.markdown(points, List.of(), "0", "0").lines()
                .filter(l -> l.startsWith("| backprop") || l.startsWith("| forward-sf")).toList();
        assertTrue(rows.get(0).endsWith("| 0.400 | 0.200 |  |"), rows.get(0));
        assertTrue(rows.get(2).endsWith("| 1.600 | 0.200 | 0.200 |"), rows.get(2));
        assertTrue(rows.get(3).endsWith("| 1.800 | 0.450 | 0.400 |"), rows.get(3));
    }
}
