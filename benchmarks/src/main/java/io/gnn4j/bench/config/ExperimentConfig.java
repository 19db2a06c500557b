package io.gnn4j.bench.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A configuration file for one experiment, YAML ({@code .yaml}/{@code .yml}) or JSON ({@code .json}), read with
 * Jackson. Besides every {@link HyperParameters} field (same names, e.g. {@code lr}, {@code weightDecay}) it may
 * name the {@code model}, {@code dataset}, split {@code protocol}, number of {@code seeds}/{@code folds}, node
 * {@code features} ({@code raw} or {@code row-normalized}, the default), the graph task's model
 * {@code selection} ({@code holdout}, the default, or {@code fold-mean}) and carry a
 * free-text {@code description} and {@code source} (the paper). Unknown keys are an error naming the key, the file
 * and the keys allowed. A name without a path separator that is not an existing file is looked up among the bundled
 * paper configurations ({@code configs/<name>.yaml} on the classpath), e.g. {@code gcn-cora}.
 */
public record ExperimentConfig(String description, String source, String model, String dataset, String protocol,
                               Integer seeds, Integer folds, String features, String selection,
                               HyperParameters.Overrides hyperParameters) {
    /** Keys that are not hyper-parameters. */
    public static final List<String> EXPERIMENT_KEYS = List.of("description", "source", "model", "dataset", "protocol",
            "seeds", "folds", "features", "selection");

    /** The empty configuration. */
    public static final ExperimentConfig NONE = new ExperimentConfig(null, null, null, null, null, null, null, null,
            null, HyperParameters.Overrides.NONE);

    /** Reads a file, or a bundled configuration by name. */
    public static ExperimentConfig load(String fileOrName) throws IOException {
        Path p = Path.of(fileOrName);
        if (Files.isRegularFile(p)) {
            try (InputStream in = Files.newInputStream(p)) {
                return parse(in, p.getFileName().toString(), fileOrName);
            }
        }
        String resource = "/configs/" + (fileOrName.endsWith(".yaml") ? fileOrName : fileOrName + ".yaml");
        if (!fileOrName.contains("/")) {
            InputStream in = ExperimentConfig.class.getResourceAsStream(resource);
            if (in != null) {
                try (in) {
                    return parse(in, resource, "bundled configuration " + fileOrName);
                }
            }
        }
        throw new NoSuchFileException(fileOrName, null, "no such configuration file, and no bundled configuration of "
                + "that name; bundled: " + String.join(", ", BundledConfigs.names()));
    }

    /** Parses YAML or JSON ({@code fileName} decides: ".json" is JSON, anything else YAML, a superset of JSON). */
    public static ExperimentConfig parse(InputStream in, String fileName, String displayName) throws IOException {
        ObjectMapper mapper = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? new ObjectMapper()
                : new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(displayName + ": not valid " + (fileName.endsWith(".json") ? "JSON" : "YAML")
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new IllegalArgumentException(displayName + ": expected a mapping of keys to values at the top, found "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode hp = obj.deepCopy();
        EXPERIMENT_KEYS.forEach(hp::remove);
        HyperParameters.Overrides overrides = overrides(mapper, hp, displayName, true);
        return new ExperimentConfig(text(obj, "description"), text(obj, "source"), text(obj, "model"),
                text(obj, "dataset"), text(obj, "protocol"), integer(obj, "seeds", displayName),
                integer(obj, "folds", displayName), oneOf(obj, "features", displayName, "raw", "row-normalized"),
                oneOf(obj, "selection", displayName, "holdout", "fold-mean"), overrides);
    }

    /**
     * The hyper-parameters of a mapping whose other keys were removed; an unknown key is an error naming it and
     * {@code displayName} (listing the experiment keys too when {@code inFile}).
     */
    static HyperParameters.Overrides overrides(ObjectMapper mapper, ObjectNode hp, String displayName, boolean inFile) {
        try {
            return mapper.treeToValue(hp, HyperParameters.Overrides.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(displayName + ": unknown key '" + e.getPropertyName() + "'; allowed: "
                    + (inFile ? String.join(", ", EXPERIMENT_KEYS) + ", " : "")
                    + String.join(", ", HyperParameters.DEFAULTS.toMap().keySet()));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(displayName + ": " + e.getOriginalMessage());
        }
    }

    /** Hyper-parameter overrides written as the keys of a configuration file in YAML flow style. */
    static HyperParameters.Overrides overrides(String keyValues) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String displayName = "hyper-parameters '" + keyValues + "'";
        JsonNode node;
        try {
            node = mapper.readTree("{" + keyValues + "}");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(displayName + ": not valid YAML: " + e.getOriginalMessage());
        }
        return overrides(mapper, (ObjectNode) node, displayName, false);
    }

    private static String oneOf(ObjectNode o, String key, String displayName, String first, String second) {
        String v = text(o, key);
        if (v != null && !v.equals(first) && !v.equals(second)) {
            throw new IllegalArgumentException(displayName + ": " + key + " must be '" + first + "' or '" + second
                    + "', got '" + v + "'");
        }
        return v;
    }

    private static String text(ObjectNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(ObjectNode o, String key, String displayName) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(displayName + ": '" + key + "' must be an integer, found " + n);
        }
        return n.asInt();
    }
}
