package io.gnn4j.bench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gnn4j.train.EarlyStopping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
    private static ExperimentConfig parse(String text, String file) throws IOException {
        return ExperimentConfig.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file, file);
    }

    @Test
    void yamlSetsExperimentKeysAndOnlyTheHyperParametersItNames() throws IOException {
        ExperimentConfig c = parse("""
                model: gat
                dataset: cora
                seeds: 3
                lr: 0.005
                heads: 8
                monitor: val_acc
                """, "x.yaml");
        assertEquals("gat", c.model());
        assertEquals("cora", c.dataset());
        assertEquals(3, c.seeds());
        assertNull(c.folds());
        HyperParameters hp = HyperParameters.DEFAULTS.with(c.hyperParameters());
        assertEquals(0.005, hp.lr());
        assertEquals(8, hp.heads());
        assertEquals(EarlyStopping.Monitor.VAL_ACC, hp.monitor());
        assertEquals(HyperParameters.DEFAULTS.hidden(), hp.hidden());
    }

    @Test
    void jsonIsReadTheSameWay() throws IOException {
        ExperimentConfig c = parse("{\"model\": \"sgc\", \"hops\": 2, \"weightDecay\": 5e-5}", "x.json");
        HyperParameters hp = HyperParameters.DEFAULTS.with(c.hyperParameters());
        assertEquals(2, hp.hops());
        assertEquals(5e-5, hp.weightDecay());
    }

    @Test
    void unknownKeyNamesTheKeyTheFileAndTheAllowedKeys() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("lerning_rate: 0.1\n", "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml: unknown key 'lerning_rate'; allowed: description, source, model"),
                e.getMessage());
        assertTrue(e.getMessage().contains("weightDecay"), e.getMessage());
    }

    @Test
    void wrongTypesAndNonMappingsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("seeds: many\n", "s.yaml"));
        assertEquals("s.yaml: 'seeds' must be an integer, found \"many\"", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> parse("- 1\n- 2\n", "l.yaml"));
        assertEquals("l.yaml: expected a mapping of keys to values at the top, found array", e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("epochs: ten\n", "e.yaml"));
    }

    @Test
    void laterOverridesWinAndValidationNamesTheBound() {
        var file = HyperParameters.Overrides.of("epochs: 300, hidden: 32, dropout: 0.6");
        var cli = HyperParameters.Overrides.of("hidden: 64");
        HyperParameters hp = HyperParameters.DEFAULTS.with(file.then(cli));
        assertEquals(300, hp.epochs());
        assertEquals(64, hp.hidden());
        assertEquals(0.6, hp.dropout());
        var bad = HyperParameters.Overrides.of("dropout: 1.0");
        var e = assertThrows(IllegalArgumentException.class, () -> HyperParameters.DEFAULTS.with(bad));
        assertEquals("dropout must be in [0, 1), got 1.0", e.getMessage());
    }

    @Test
    void everyHyperParameterIsMergedAndMappedByName() {
        HyperParameters hp = HyperParameters.DEFAULTS.with(HyperParameters.Overrides.of(
                "monitor: val_acc, maxPaths: 9, sheafDecay: 0.25, secondLinear: true, fixedStalks: lp"));
        assertEquals(EarlyStopping.Monitor.VAL_ACC, hp.monitor());
        assertEquals(9, hp.maxPaths());
        assertEquals(0.25, hp.sheafDecay());
        assertTrue(hp.secondLinear());
        assertEquals(HyperParameters.DEFAULTS.hidden(), hp.hidden());
        var map = hp.toMap();
        assertEquals(HyperParameters.class.getRecordComponents().length, map.size());
        assertEquals("val_acc", map.get("monitor"));
        assertEquals("lp", map.get("fixedStalks"));
        assertEquals(HyperParameters.DEFAULTS, HyperParameters.DEFAULTS.with(HyperParameters.Overrides.NONE));
    }

    @Test
    void everyBundledPaperConfigurationParsesAndValidates() throws IOException {
        assertTrue(BundledConfigs.names().size() >= 10, "bundled: " + BundledConfigs.names());
        for (String name : BundledConfigs.names()) {
            ExperimentConfig c = ExperimentConfig.load(name);
            assertTrue(c.model() != null && c.dataset() != null && c.source() != null, name);
            HyperParameters.DEFAULTS.with(c.hyperParameters());
        }
        assertEquals(0.005, HyperParameters.DEFAULTS.with(ExperimentConfig.load("gat-cora").hyperParameters()).lr());
    }

    @Test
    void aFileOnDiskIsPreferredAndAMissingNameListsTheBundledOnes(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.yml");
        Files.writeString(f, "hidden: 7\n");
        assertEquals(7, ExperimentConfig.load(f.toString()).hyperParameters().hidden());
        var e = assertThrows(NoSuchFileException.class, () -> ExperimentConfig.load("no-such-config"));
        assertTrue(e.getMessage().contains("gcn-cora"), e.getMessage());
    }

    @Test
    void inlineOverridesReadTheKeysOfAConfigurationFile() {
        HyperParameters.Overrides o = HyperParameters.Overrides.of("hidden: 8, heads: 8, lr: 5e-3, monitor: val_acc, "
                + "fixedStalks: lp+hp");
        HyperParameters hp = HyperParameters.DEFAULTS.with(o);
        assertEquals(8, hp.hidden());
        assertEquals(8, hp.heads());
        assertEquals(5e-3, hp.lr());
        assertEquals(EarlyStopping.Monitor.VAL_ACC, hp.monitor());
        assertEquals("lp+hp", hp.fixedStalks());
        assertEquals(HyperParameters.DEFAULTS.layers(), hp.layers());
        var e = assertThrows(IllegalArgumentException.class, () -> HyperParameters.Overrides.of("hiden: 8"));
        assertTrue(e.getMessage().startsWith("hyper-parameters 'hiden: 8': unknown key 'hiden'; allowed: epochs, "),
                e.getMessage());
    }
}
