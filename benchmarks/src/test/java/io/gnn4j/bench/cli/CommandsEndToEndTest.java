package io.gnn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gnn4j.datasets.RatingsDataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Short versions of the real commands on the bundled Cora and MUTAG (or the shared copies when present): they must
 * produce a well-formed table with sane values, the output files and plots, the same numbers for the same seed, and
 * one-line errors for bad input.
 */
class CommandsEndToEndTest {
    private static final Pattern ROW = Pattern.compile(
            "\\| (\\S+) \\| (\\S+) \\| (\\d+) \\| (\\d+\\.\\d) ± (\\d+\\.\\d) \\| (\\d+\\.\\d) ± (\\d+\\.\\d) \\| .*");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Gnn4j.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The single data row of a one-model table, checked for shape; returns its matcher. */
    private static Matcher singleRow(String table, String dataset, String model, int runs) {
        List<String> lines = table.lines().toList();
        assertEquals(3, lines.size(), table);
        assertEquals("| dataset | model | runs | test acc (%) | val acc (%) | best epoch | s/epoch | peak memory (MB) |",
                lines.get(0));
        Matcher m = ROW.matcher(lines.get(2));
        assertTrue(m.matches(), lines.get(2));
        assertEquals(dataset, m.group(1));
        assertEquals(model, m.group(2));
        assertEquals(runs, Integer.parseInt(m.group(3)));
        return m;
    }

    @Test
    void nodeCommandTrainsGcnOnCoraForTwoSeedsAndWritesTableFilesAndPlots(@TempDir Path dir) throws Exception {
        Run r = run("node", "--dataset", "cora", "--model", "gcn", "--seeds", "2", "--epochs", "40", "--threads", "2",
                "--quiet", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = singleRow(r.out(), "cora", "gcn", 2);
        double mean = Double.parseDouble(m.group(4)), std = Double.parseDouble(m.group(5));
        // 40 epochs of GCN on the public split reach well above chance (1/7) and below perfection.
        assertTrue(mean > 60 && mean < 90, "test accuracy " + mean);
        assertTrue(std >= 0 && std < 10, "std " + std);
        for (String f : List.of("runs.csv", "summary.csv", "curves.csv", "results.json", "test_acc.png",
                "curves-cora-gcn-run0.png", "curves-cora-gcn-run1.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(3, Files.readAllLines(dir.resolve("runs.csv")).size());
        assertEquals(1 + 2 * 40, Files.readAllLines(dir.resolve("curves.csv")).size());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(0.01, json.at("/settings/hyperParameters/gcn/lr").asDouble());
        assertEquals("public", json.at("/runs/1/protocol").asText());
        assertEquals(mean / 100, json.at("/summary/0/metrics/test_acc/mean").asDouble(), 0.0005);
    }

    @Test
    void sameSeedGivesTheSameNumbers(@TempDir Path dir) throws Exception {
        String[] args = {"node", "--dataset", "cora", "--model", "gcn", "--seeds", "1", "--seed", "5", "--epochs", "8",
                "--threads", "2", "--quiet", "--no-plots", "-o"};
        Run a = run(concat(args, dir.resolve("a").toString()));
        Run b = run(concat(args, dir.resolve("b").toString()));
        assertEquals(0, a.code(), a.err());
        List<String> ca = Files.readAllLines(dir.resolve("a/curves.csv")), cb = Files.readAllLines(dir.resolve("b/curves.csv"));
        for (int i = 0; i < ca.size(); i++) {
            // every column but the last (wall time) must match
            assertEquals(ca.get(i).substring(0, ca.get(i).lastIndexOf(',')), cb.get(i).substring(0, cb.get(i).lastIndexOf(',')));
        }
    }

    @Test
    void sparseFeaturesAreRecordedAndRefusedForForwardLearning(@TempDir Path dir) throws Exception {
        Run r = run("node", "--dataset", "cora", "--model", "gcn", "--seeds", "1", "--epochs", "5", "--threads", "2",
                "--sparse-features", "--quiet", "--no-plots", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("results.json")).contains("\"sparseFeatures\""), "recorded setting");
        Run forward = run("node", "--dataset", "cora", "--model", "gcn", "--training", "forward-sf", "--epochs", "1",
                "--sparse-features", "--quiet", "--no-plots", "-o", dir.resolve("ff").toString());
        assertEquals(2, forward.code());
        assertTrue(forward.err().contains("--sparse-features applies to backpropagation"), forward.err());
    }

    @Test
    void graphCommandRunsGinOnTwoFoldsOfMutag(@TempDir Path dir) throws Exception {
        Run r = run("graph", "--dataset", "mutag", "--model", "gin", "--folds", "10", "--run-folds", "2", "--epochs",
                "15", "--threads", "2", "--quiet", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = singleRow(r.out(), "MUTAG", "gin", 2);
        double mean = Double.parseDouble(m.group(4));
        // 19 test graphs per fold; predicting the majority class alone scores 66.5 %: GIN must do better
        assertTrue(mean > 66.5 && mean <= 100, "test accuracy " + mean);
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(3, runs.size());
        assertTrue(runs.get(1).startsWith("MUTAG,gin,standard,0,0,"), runs.get(1));
        assertTrue(Files.exists(dir.resolve("curves-mutag-gin-run1.png")));
    }

    @Test
    void foldMeanSelectionTestsEveryFoldAtOneEpoch(@TempDir Path dir) throws Exception {
        Run r = run("graph", "--dataset", "mutag", "--model", "gin", "--selection", "fold-mean", "--epochs", "4",
                "--batches-per-epoch", "2", "--quiet", "--no-plots", "--threads", "1", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals("dataset,model,protocol,run,seed,test_acc,best_epoch,epochs,seconds_per_epoch,peak_memory_bytes",
                runs.getFirst());
        assertEquals(11, runs.size());
        assertTrue(runs.get(1).startsWith("MUTAG,gin,\"standard, fold-mean\",0,0,"), runs.get(1));
        List<String> bestEpochs = runs.stream().skip(1).map(l -> l.split(",")[7]).distinct().toList();
        assertEquals(1, bestEpochs.size(), "one epoch for all folds: " + runs);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(json.at("/settings/protocol").asText().endsWith("(fold-mean)"), json.toString());
        assertEquals(2, json.at("/settings/hyperParameters/gin/batchesPerEpoch").asInt());
        Run partial = run("graph", "--dataset", "mutag", "--model", "gin", "--selection", "fold-mean", "--run-folds",
                "2");
        assertEquals(2, partial.code());
        assertTrue(partial.err().contains("run every fold in one invocation"), partial.err());
    }

    @Test
    void nodeCommandTrainsLayerByLayerWithForwardLearning(@TempDir Path dir) throws Exception {
        Run r = run("node", "--dataset", "cora", "--model", "gcn", "--training", "forward-sf", "--layers", "2",
                "--hidden", "32", "--epochs", "15", "--lr", "0.01", "--seeds", "1", "--quiet", "--no-plots",
                "--threads", "1", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| test acc l1 (%) | test acc l2 (%) |"), r.out());
        assertTrue(r.out().contains("| cora | gcn/forward-sf | 1 | "), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("forward-sf", json.at("/settings/training").asText());
        assertTrue(json.at("/runs/0/metrics/test_acc").asDouble() > 0.3, json.toString());   // chance is 1/7
        assertEquals(1 + 2 * 15, Files.readAllLines(dir.resolve("curves.csv")).size(), "both layers' epochs");

        Run unknown = run("node", "--dataset", "cora", "--model", "gcn", "--training", "hebbian");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown training 'hebbian'"), unknown.err());
        Run noBackbone = run("node", "--dataset", "cora", "--model", "mlp", "--training", "ff", "--epochs", "1",
                "--quiet", "--no-plots", "-o", dir.resolve("mlp").toString());
        assertEquals(2, noBackbone.code());
        assertTrue(noBackbone.err().contains("no 'mlp' backbone"), noBackbone.err());
    }

    @Test
    void nodeCommandTrainsTheTopDownVariantsWithAllLayersTogether(@TempDir Path dir) throws Exception {
        for (String how : List.of("forward-td-input", "forward-td-loss")) {
            Run r = run("node", "--dataset", "cora", "--model", "gcn", "--training", how, "--layers", "2", "--hidden",
                    "16", "--epochs", "5", "--lr", "0.01", "--seeds", "1", "--quiet", "--no-plots", "--threads", "1",
                    "-o", dir.resolve(how).toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("| cora | gcn/" + how + " | 1 | "), r.out());
            JsonNode json = new ObjectMapper().readTree(dir.resolve(how).resolve("results.json").toFile());
            assertEquals(how, json.at("/settings/training").asText());
            assertEquals(1 + 5, Files.readAllLines(dir.resolve(how).resolve("curves.csv")).size(),
                    "one epoch record per epoch of the whole stack");
        }
    }

    @Test
    void tpSgdWithAReadoutTrainsItAfterTheLayers(@TempDir Path dir) throws Exception {
        Run r = run("node", "--dataset", "cora", "--model", "gcn", "--training", "tpsgd-readout", "--layers", "2",
                "--hidden", "16", "--epochs", "5", "--lr", "0.01", "--seeds", "1", "--quiet", "--no-plots",
                "--threads", "1", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| cora | gcn/tpsgd-readout | 1 | "), r.out());
        assertEquals(1 + 3 * 5, Files.readAllLines(dir.resolve("curves.csv")).size(), "two layers, then the readout");
    }

    @Test
    void graphScenariosAreRecordedAsTheProtocol(@TempDir Path dir) throws Exception {
        Run r = run("graph", "--dataset", "mutag", "--model", "gin", "--run-folds", "1", "--epochs", "2", "--noise",
                "0.2", "--few-shot", "5", "--quiet", "--no-plots", "--threads", "1", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readAllLines(dir.resolve("runs.csv")).get(1).startsWith("MUTAG,gin,\"noise 0.2, few-shot 5\",0,"));
    }

    @Test
    void contrastiveRunsAreNamedAndRecordedAndSeeTheSameBatches(@TempDir Path dir) throws Exception {
        Run r = run("graph", "--dataset", "mutag", "--model", "gin", "--run-folds", "1", "--epochs", "3",
                "--contrastive", "0.5", "--edge-drop", "0.3", "--quiet", "--no-plots", "--threads", "1", "-o",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        singleRow(r.out(), "MUTAG", "gin+cl", 1);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(json.at("/settings/contrastive").asText().startsWith("NT-Xent weight 0.5"), json.toString());
        // the auxiliary loss changes training: the curves differ from a run without it
        Run plain = run("graph", "--dataset", "mutag", "--model", "gin", "--run-folds", "1", "--epochs", "3",
                "--quiet", "--no-plots", "--threads", "1", "-o", dir.resolve("plain").toString());
        assertEquals(0, plain.code(), plain.err());
        assertNotEquals(Files.readAllLines(dir.resolve("curves.csv")).get(1).split(",")[4],
                Files.readAllLines(dir.resolve("plain/curves.csv")).get(1).split(",")[4], "training loss of epoch 1");
        // node-dropped views: another objective, other curves
        Run nodes = run("graph", "--dataset", "mutag", "--model", "gin", "--run-folds", "1", "--epochs", "3",
                "--contrastive", "0.5", "--augment", "nodes", "--drop-rate", "0.3", "--quiet", "--no-plots",
                "--threads", "1", "-o", dir.resolve("nodes").toString());
        assertEquals(0, nodes.code(), nodes.err());
        assertTrue(new ObjectMapper().readTree(dir.resolve("nodes/results.json").toFile()).at("/settings/contrastive")
                .asText().endsWith("node drop 0.3"));
        assertNotEquals(Files.readAllLines(dir.resolve("curves.csv")).get(1).split(",")[4],
                Files.readAllLines(dir.resolve("nodes/curves.csv")).get(1).split(",")[4], "training loss of epoch 1");
        assertNotEquals(0, run("graph", "--dataset", "mutag", "--augment", "vertices", "--quiet").code());
        // kpath embeds the views as well (each view's own rooted paths)
        Run kpath = run("graph", "--dataset", "mutag", "--model", "kpath", "--hops", "2", "--run-folds", "1",
                "--epochs", "1", "--contrastive", "0.5", "--max-paths", "8", "--quiet", "--no-plots", "--threads", "1",
                "-o", dir.resolve("kpath").toString());
        assertEquals(0, kpath.code(), kpath.err());
        singleRow(kpath.out(), "MUTAG", "kpath+cl", 1);
        assertEquals(8, new ObjectMapper().readTree(dir.resolve("kpath/results.json").toFile())
                .at("/settings/hyperParameters/kpath/maxPaths").asInt());
        // pre-training on the objective alone first: its own name, recorded, and the task starts from other weights
        Run pre = run("graph", "--dataset", "mutag", "--model", "gin", "--run-folds", "1", "--epochs", "3",
                "--contrastive-pretrain", "2", "--quiet", "--no-plots", "--threads", "1", "-o",
                dir.resolve("pre").toString());
        assertEquals(0, pre.code(), pre.err());
        singleRow(pre.out(), "MUTAG", "gin+pretrain", 1);
        assertTrue(new ObjectMapper().readTree(dir.resolve("pre/results.json").toFile()).at("/settings/contrastive")
                .asText().startsWith("pre-training 2 epochs"));
        assertNotEquals(Files.readAllLines(dir.resolve("pre/curves.csv")).get(1).split(",")[4],
                Files.readAllLines(dir.resolve("plain/curves.csv")).get(1).split(",")[4], "training loss of epoch 1");
        Run regression = run("graph", "--task", "regression", "--dataset", "counting", "--model", "gin",
                "--contrastive-pretrain", "5");
        assertEquals(2, regression.code());
        assertTrue(regression.err().contains("apply to classification only"), regression.err());
    }

    @Test
    void graphRegressionOnTheCountingSetReportsErrorsPerTarget(@TempDir Path dir) throws Exception {
        Run r = run("graph", "--task", "regression", "--dataset", "counting", "--counting-graphs", "60", "--model",
                "gin", "--seeds", "2", "--epochs", "2", "--loss", "l1", "--standardize", "--quiet", "--no-plots",
                "--threads", "1", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| test mae | test rmse | test r2 | test mae triangle |"), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("l1", json.at("/settings/loss").asText());
        assertEquals(4, json.at("/settings/standardisation/run 1/mean").size());
        assertEquals(2, Files.readAllLines(dir.resolve("runs.csv")).size() - 1);

        Run one = run("graph", "--task", "regression", "--dataset", "counting", "--counting-graphs", "60", "--model",
                "gcn", "--seeds", "1", "--epochs", "1", "--target", "4-cycle", "--quiet", "--no-plots", "--threads",
                "1", "-o", dir.resolve("one").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("| test mae | test rmse | test r2 | val mae |"), one.out());

        Run noTargets = run("graph", "--task", "regression", "--dataset", "mutag", "--model", "gin");
        assertEquals(2, noTargets.code());
        assertTrue(noTargets.err().contains("MUTAG has no regression targets"), noTargets.err());
        Run imbalance = run("graph", "--task", "regression", "--dataset", "counting", "--model", "gin",
                "--imbalance", "0.5");
        assertTrue(imbalance.err().contains("does not apply to --task regression"), imbalance.err());
        Run badTarget = run("graph", "--task", "regression", "--dataset", "counting", "--counting-graphs", "20",
                "--model", "gin", "--target", "pentagon");
        assertTrue(badTarget.err().contains("no target 'pentagon'"), badTarget.err());
    }

    @Test
    void unknownNamesAndBadOptionsFailWithOneLine() {
        Run unknownModel = run("node", "--dataset", "cora", "--model", "gcnn");
        assertEquals(2, unknownModel.code());
        assertTrue(unknownModel.err().strip().matches("gnn4j node: error: unknown model 'gcnn' for node classification; "
                + "known: mlp, gcn, gat, sgc, appnp, sage, dgmlp(, [a-z0-9-]+)*"), unknownModel.err());
        Run unknownData = run("info", "--dataset", "no-such-dataset");
        assertEquals(2, unknownData.code());
        assertTrue(unknownData.err().startsWith("gnn4j info: error: unknown dataset 'no-such-dataset'"), unknownData.err());
        Run badOption = run("graph", "--dataset", "mutag", "--model", "gin", "--fold", "3");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("Unknown options: '--fold', '3'"), badOption.err());
        Run wrongTask = run("graph", "--dataset", "cora", "--model", "gin");
        assertEquals(2, wrongTask.code());
        assertTrue(wrongTask.err().contains("is a node-level (one graph) dataset"), wrongTask.err());
    }

    @Test
    void recommendTrainsEveryRecommenderOnMovieLensAndReportsRankingMetrics(@TempDir Path dir) throws Exception {
        String[] args = {"recommend", "--dataset", "ml-100k", "--split", "random", "--train", "0.8", "--seeds", "1",
                "--epochs", "3", "--hidden", "8", "--layers", "1", "--batch-size", "16384", "--lr", "0.05", "--threads",
                "2", "--quiet", "--no-plots", "--model"};
        Run r = run(concat(concat(concat(args, "sheaf4rec,lightgcn,ngcf"), "-o"), dir.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("| dataset | model | runs | test precision@5 | test recall@5 | test f1@5 (%) | "
                + "test ndcg@5 | test mrr@5 | test precision@10 |"), lines.get(0));
        for (int i = 0; i < 3; i++) {
            assertTrue(lines.get(2 + i).startsWith("| ml-100k | " + List.of("sheaf4rec", "lightgcn", "ngcf").get(i)
                    + " | 1 |"), lines.get(2 + i));
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(80_000, json.at("/settings/trainInteractions").asInt());
        assertEquals("random-0.8", json.at("/runs/0/protocol").asText());
        for (int i = 0; i < 3; i++) {
            double ndcg = json.at("/runs/" + i + "/metrics/test_ndcg@10").asDouble();
            // 15 steps already beat chance by far: a random top 10 holds ≈ 0.13 of a user's ≈ 21 test items (NDCG ≈ 0.01)
            assertTrue(ndcg > 0.05 && ndcg < 1, "ndcg@10 " + ndcg);
        }

        Run notRatings = run("recommend", "--dataset", "cora", "--model", "lightgcn");
        assertEquals(2, notRatings.code());
        assertTrue(notRatings.err().contains("has no ratings: gnn4j recommend needs a ratings dataset"),
                notRatings.err());
        Run badSplit = run("recommend", "--dataset", "ml-100k", "--model", "lightgcn", "--split", "uc");
        assertEquals(2, badSplit.code());
        assertTrue(badSplit.err().contains("ml-100k has no split 'uc'; it has [ua, ub]"), badSplit.err());
    }

    @Test
    void recommendStratifiedSplitHoldsOutAShareOfEveryUsersRatings(@TempDir Path dir) throws Exception {
        Run r = run("recommend", "--dataset", "ml-100k", "--split", "stratified", "--train", "0.75", "--seeds", "1",
                "--epochs", "1", "--hidden", "8", "--layers", "1", "--batch-size", "16384", "--threads", "2",
                "--quiet", "--no-plots", "--model", "lightgcn", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        RatingsDataset ml = (RatingsDataset) DatasetArgument.load("ml-100k", false, false).dataset();
        int[] perUser = new int[ml.numUsers()];
        for (int u : ml.users()) {
            perUser[u]++;
        }
        int train = 0;
        for (int n : perUser) {
            train += (int) Math.floor(n * 0.75);   // every user keeps ⌊0.75·n_u⌋ of its ratings, the rest is test
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(train, json.at("/settings/trainInteractions").asInt());
        assertEquals(ml.numRatings() - train, json.at("/settings/testInteractions").asInt());
        assertNotEquals(75_000, train);   // not the global share: the per-user floors add up to less
        assertEquals("stratified-0.75", json.at("/runs/0/protocol").asText());
    }

    @Test
    void recommendReadsAMovieLensRatingsFileAndSplitsItAtRandomByDefault(@TempDir Path dir) throws Exception {
        StringBuilder ratings = new StringBuilder();
        for (int user = 1; user <= 30; user++) {
            for (int k = 0; k < 10; k++) {
                int movie = 100 + 7 * ((user * 3 + k * 11) % 40);          // 40 movie ids with gaps
                ratings.append(user).append("::").append(movie).append("::").append(1 + (user + k) % 5).append("::")
                        .append(978_300_000 + user * 10 + k).append('\n');
            }
        }
        Path data = Files.createDirectories(dir.resolve("ml-1m"));
        Files.writeString(data.resolve("ratings.dat"), ratings);
        Path out = dir.resolve("out");
        Run r = run("recommend", "--dataset", data.toString(), "--seeds", "1", "--epochs", "1", "--hidden", "8",
                "--layers", "1", "--threads", "1", "--quiet", "--no-plots", "--model", "lightgcn", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| ml-1m | lightgcn | 1 |")), r.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(240, json.at("/settings/trainInteractions").asInt());       // 0.8 of the 300 ratings
        assertEquals(60, json.at("/settings/testInteractions").asInt());
        assertEquals("random-0.8", json.at("/runs/0/protocol").asText());
    }

    @Test
    void recommendWithAValidationShareSelectsTheBestValidationEpoch(@TempDir Path dir) throws Exception {
        Run r = run("recommend", "--dataset", "ml-100k", "--split", "ua", "--val", "0.1", "--seeds", "1", "--epochs",
                "4", "--patience", "2", "--hidden", "8", "--layers", "1", "--batch-size", "16384", "--lr", "0.05",
                "--threads", "2", "--quiet", "--no-plots", "--model", "lightgcn", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(9_057, json.at("/settings/valInteractions").asInt());       // ⌊90,570 · 0.1⌋
        assertEquals(90_570 - 9_057, json.at("/settings/trainInteractions").asInt());
        assertEquals("ua-val-0.1", json.at("/runs/0/protocol").asText());
        JsonNode metrics = json.at("/runs/0/metrics");
        double val = metrics.at("/val_ndcg@10").asDouble(), test = metrics.at("/test_ndcg@10").asDouble();
        assertTrue(val > 0.01 && val < 1, "val ndcg@10 " + val);
        assertTrue(test > 0.01 && test < 1, "test ndcg@10 " + test);
        // the reported validation score is the best of the curve
        List<String> curve = Files.readAllLines(dir.resolve("curves.csv"));
        int column = List.of(curve.get(0).split(",")).indexOf("val_acc");
        double best = curve.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[column])).max()
                .orElseThrow();
        assertEquals(best, val, 1e-6);                                           // curves.csv keeps 6 digits
        Run bad = run("recommend", "--dataset", "ml-100k", "--model", "lightgcn", "--val", "1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--val must be in [0, 1), got 1.0"), bad.err());
    }

    @Test
    void optionsNoModelOfACommandReadsAreNeitherListedNorAccepted() {
        Map<String, List<String>> listed = Map.of("node", List.of("--stalk-dim", "--heads", "--edges-as-arcs"),
                "graph", List.of("--max-paths", "--batch-norm", "--hops"), "link", List.of("--heads", "--monitor"),
                "recommend", List.of("--hidden", "--layers", "--dropout", "--batch-size", "--patience"));
        Map<String, List<String>> unlisted = Map.of("node", List.of("--batch-size", "--batch-norm", "--max-paths"),
                "graph", List.of("--stalk-dim", "--heads", "--alpha"), "link", List.of("--hops", "--lr-step"),
                "recommend", List.of("--heads", "--monitor", "--stalk-dim", "--edges-as-arcs", "--max-paths"));
        for (String c : listed.keySet()) {
            String help = run(c, "--help").out();
            for (String o : listed.get(c)) {
                assertTrue(Pattern.compile("(?m)^ +(-\\w, )?" + o + "\\b").matcher(help).find(), c + " " + o);
            }
            for (String o : unlisted.get(c)) {
                assertFalse(Pattern.compile("(?m)^ +(-\\w, )?" + o + "\\b").matcher(help).find(), c + " " + o);
            }
        }
        Run heads = run("recommend", "--dataset", "ml-100k", "--model", "lightgcn", "--heads", "2");
        assertEquals(2, heads.code());
        assertTrue(heads.err().contains("Unknown options: '--heads', '2'"), heads.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : List.of("info", "node", "graph", "link", "recommend", "kernels", "report")) {
            Run r = run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Usage: gnn4j " + c), r.out());
        }
    }

    @Test
    void infoSummarisesBundledMutag() {
        Run r = run("info", "--dataset", "mutag");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("graphs          188"), r.out());
        assertTrue(r.out().contains("class sizes     [63, 125]"), r.out());
    }

    @Test
    void infoPrintsDirectedStatisticsAndAmudForANodeDataset() {
        Run r = run("info", "--dataset", "cora");
        assertEquals(0, r.code(), r.err());
        // Planetoid Cora is undirected: every arc reciprocated, one strong component per weak one, AMUD undirected
        assertTrue(r.out().contains(String.format("%-15s %s", "reciprocity", "1.0000")), r.out());
        assertTrue(r.out().contains("78 weak, 78 strong"), r.out());
        assertTrue(r.out().contains(String.format("%-15s %s", "amud", "undirected (margin 0.00)")), r.out());
    }

    @Test
    void linkCommandTrainsTheAutoEncoderOnCoraAndReportsAucAndHits(@TempDir Path dir) throws Exception {
        Run r = run("link", "--dataset", "cora", "--model", "gcn", "--seeds", "1", "--epochs", "30", "--threads", "1",
                "--quiet", "--no-plots", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).contains("test auc (%)") && lines.get(0).contains("test hits@10 (%)"), lines.get(0));
        Matcher m = Pattern.compile("\\| cora \\| gcn \\| 1 \\| (\\d+\\.\\d) ± 0\\.0 \\|.*").matcher(lines.get(2));
        assertTrue(m.matches(), lines.get(2));
        double auc = Double.parseDouble(m.group(1));
        assertTrue(auc > 65 && auc <= 100, "test AUC " + auc + " after 30 epochs (a random scorer gives 50)");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("link", json.at("/settings/command").asText());
        assertEquals(1, json.at("/settings/seeds").asInt());
    }

    @Test
    void linkCommandTrainsLayerByLayerWithALocalLinkObjective(@TempDir Path dir) throws Exception {
        Run r = run("link", "--dataset", "cora", "--model", "gcn", "--training", "forward", "--layers", "2",
                "--hidden", "32", "--seeds", "1", "--epochs", "15", "--threads", "1", "--quiet", "--no-plots", "-o",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| test auc l1 (%) | test auc l2 (%) |"), r.out());
        assertTrue(r.out().contains("| cora | gcn/forward | 1 | "), r.out());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("forward", json.at("/settings/training").asText());
        double auc = json.at("/runs/0/metrics/test_auc").asDouble();
        assertTrue(auc > 0.65 && auc <= 1, "test AUC " + auc + " (a random scorer gives 0.5)");
        assertEquals(1 + 2 * 15, Files.readAllLines(dir.resolve("curves.csv")).size(), "both layers' epochs");

        Run unknown = run("link", "--dataset", "cora", "--model", "gcn", "--training", "ff");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown training 'ff'"), unknown.err());
    }

    @Test
    void kernelsCommandTimesBothKernelsOnASmallGraph() {
        Run r = run("kernels", "--nodes", "2000", "--edges", "10000", "--features", "16", "--threads", "1",
                "--reps", "3");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.matches("\\| (scalar|vector|panama)\\S* \\| 1 \\| .*")).toList();
        assertEquals(2, rows.size(), r.out());
        for (String row : rows) {
            double ms = Double.parseDouble(row.split("\\|")[3].trim());
            assertTrue(ms > 0, row);
        }
    }

    @Test
    void reportMergesRunsSplitOverTwoInvocations(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b"), merged = dir.resolve("merged");
        for (String[] part : List.of(new String[] {"0", a.toString()}, new String[] {"2", b.toString()})) {
            Run r = run("node", "--dataset", "cora", "--model", "sgc", "--seeds", "2", "--seed", part[0], "--epochs",
                    "5", "--threads", "1", "--quiet", "--no-plots", "-o", part[1]);
            assertEquals(0, r.code(), r.err());
        }
        Run r = run("report", a.toString(), b.toString(), "-o", merged.toString());
        assertEquals(0, r.code(), r.err());
        singleRow(r.out(), "cora", "sgc", 4);
        List<String> runs = Files.readAllLines(merged.resolve("runs.csv"));
        assertEquals(5, runs.size(), String.join("\n", runs));
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
