package io.gnn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The JVM options of the launcher, the README's spark-submit line and Surefire are Spark's own list. */
class JvmFlagsTest {
    @Test
    void theFlagsFileIsSparksListAndThisJvmRunsWithIt() throws Exception {
        Path file = Path.of(System.getProperty("gnn4j.projectRoot", ".."), "spark", "jvm-flags");
        Set<String> listed = new TreeSet<>(List.of(Files.readString(file).trim().split("\\s+")));
        assertEquals(new TreeSet<>(List.of(JavaModuleOptions.defaultModuleOptionArray())), listed);
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : listed) {
            assertTrue(running.contains(flag), "the test JVM lacks " + flag);
        }
    }
}
