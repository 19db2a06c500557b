package io.gnn4j.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's kernel.json examples for JJava and IJava (the json blocks after the marker comments) carry exactly the
 * JVM flags of {@code .mvn/jvm-flags}, the file the CI kernel's kernel.json is generated from, so the documented
 * launch arguments cannot drift from what the build and CI use.
 */
class KernelSpecReadmeTest {
    private static final String MARKER = "<!-- KernelSpecReadmeTest checks the next json block: ";
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Path root() {
        return Path.of(System.getProperty("gnn4j.projectRoot", "../.."));
    }

    private static List<String> jvmFlags() throws IOException {
        return Arrays.asList(Files.readString(root().resolve(".mvn/jvm-flags")).strip().split("\\s+"));
    }

    /** The json block after the marker naming {@code kernel}. */
    private static String block(String kernel) throws IOException {
        String text = Files.readString(root().resolve("README.md"));
        int marker = text.indexOf(MARKER + kernel + " -->");
        assertTrue(marker >= 0, "README.md has no marker for " + kernel);
        int open = text.indexOf("```json\n", marker);
        int close = text.indexOf("\n```", open + 8);
        assertTrue(open >= 0 && close > open, "no json block after the " + kernel + " marker");
        return text.substring(open + 8, close);
    }

    /** The JSON strings of the array under {@code key}. */
    private static List<String> stringArray(String json, String key) {
        int at = json.indexOf("\"" + key + "\"");
        assertTrue(at >= 0, "no " + key + " in " + json);
        int open = json.indexOf('[', at), close = json.indexOf(']', open);
        List<String> out = new ArrayList<>();
        Matcher m = STRING.matcher(json.substring(open + 1, close));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The JSON string value of {@code key}. */
    private static String stringValue(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*" + STRING.pattern()).matcher(json);
        assertTrue(m.find(), "no string " + key + " in " + json);
        return m.group(1);
    }

    @Test
    void jjavaPassesTheFlagsInItsJvmOptionsVariable() throws IOException {
        String spec = block("JJava");
        assertEquals(jvmFlags(), Arrays.asList(stringValue(spec, "JJAVA_JVM_OPTS").split("\\s+")));
        assertEquals("{connection_file}", stringArray(spec, "argv").getLast());
    }

    @Test
    void ijavaPassesTheFlagsBetweenJavaAndJar() throws IOException {
        List<String> argv = stringArray(block("IJava"), "argv");
        int jar = argv.indexOf("-jar");
        assertTrue(argv.getFirst().endsWith("/java") && jar > 0, "argv must start with java and hold -jar: " + argv);
        assertEquals(jvmFlags(), argv.subList(1, jar));
        assertEquals("{connection_file}", argv.getLast());
    }
}
