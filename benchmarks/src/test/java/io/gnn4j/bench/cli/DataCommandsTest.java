package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gnn4j.bench.cli.CommandsEndToEndTest.Run;
import io.gnn4j.datasets.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-facing options and commands end to end on small data. */
class DataCommandsTest {
    @Test
    void nodeTrainsOnAFeaturelessDatasetWithoutSplitsUsingAStratifiedRatioSplit(@TempDir Path tmp) throws Exception {
        Path polblogs = Datasets.sharedFolderAbove(Path.of("").toAbsolutePath()).resolve("polblogs/npz/polblogs.npz");
        Assumptions.assumeTrue(Files.isRegularFile(polblogs), "needs ../shared/datasets (" + polblogs + ")");
        Run r = CommandsEndToEndTest.run("node", "--dataset", polblogs.toString(), "--model", "mlp", "--seeds", "2",
                "--epochs", "3", "--split", "random", "--train", "0.5", "--val", "0.25", "--featureless", "degree",
                "--threads", "1", "--quiet", "--no-plots", "-o", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
        assertEquals("random-0.5-0.25-seed-0", json.at("/runs/0/protocol").asText());
        assertEquals("random-0.5-0.25-seed-1", json.at("/runs/1/protocol").asText());
    }
}
