package io.gnn4j.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel without Jupyter: JShell evaluation, errors, and the magics that change the notebook's classpath. */
class NotebookKernelTest {

    @TempDir
    Path dir;

    private NotebookKernel kernel;

    @BeforeEach
    void start() {
        kernel = NotebookKernel.create(new MavenMagic(localRepository(), true));
        kernel.onStartup();
    }

    @AfterEach
    void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void evaluatesSnippetsInTurnAndReturnsTheLastExpression() {
        assertEquals("5", kernel.evalRaw("int x = 2;\nint y = x + 1;\ny + 2"));
        assertNull(kernel.evalRaw("x = 7;\nx + 1;"), "a trailing semicolon: no value");
        assertEquals("8", kernel.evalRaw("x + 1"));
        assertEquals("\"java.awt.image.BufferedImage\"", kernel.evalRaw("render(new java.awt.image.BufferedImage(2, 2, 1))"
                + ".hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG) ? \"java.awt.image.BufferedImage\" : \"none\""),
                "the notebook statics are imported, and images render as PNG");
    }

    @Test
    void compileErrorsAndExceptionsNameTheSnippet() {
        NotebookKernel.CellException compile = assertThrows(NotebookKernel.CellException.class,
                () -> kernel.evalRaw("int z = \"text\";"));
        assertTrue(compile.getMessage().contains("does not compile") && compile.getMessage().contains("int z"),
                compile.getMessage());
        NotebookKernel.CellException thrown = assertThrows(NotebookKernel.CellException.class,
                () -> kernel.evalRaw("Integer.parseInt(\"x\");"));
        assertTrue(thrown.getMessage().startsWith("java.lang.NumberFormatException"), thrown.getMessage());
    }

    @Test
    void classpathMagicAddsAFolderAndJarsTakesAGlob() throws IOException {
        Path classes = compile("Hello", "package demo; public class Hello { public static String hi() { return \"hi\"; } }");
        assertThrows(NotebookKernel.CellException.class, () -> kernel.evalRaw("demo.Hello.hi()"));
        assertNull(kernel.evalRaw("%classpath " + classes));
        assertEquals("\"hi\"", kernel.evalRaw("demo.Hello.hi()"));

        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path jar = Files.copy(jarOf(Path.of(com.google.gson.Gson.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath())), lib.resolve("g.jar"));
        assertEquals(List.of(jar.toAbsolutePath()), ClasspathMagic.expand(lib.resolve("*.jar")));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ClasspathMagic.expand(lib.resolve("*.zip")));
        assertTrue(none.getMessage().contains("*.zip"), none.getMessage());
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("%jars " + lib.resolve("*.zip")));
    }

    @Test
    void mavenMagicResolvesTransitivelyFromTheLocalRepository() throws Exception {
        List<Path> jars = new MavenMagic(localRepository(), true).resolve(List.of("org.dflib.jjava:jjava-jupyter:1.0-a6"));
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("jeromq-")), jars.toString());
        assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("gson-")), jars.toString());
        assertThrows(IllegalArgumentException.class, () -> new MavenMagic(localRepository(), true).resolve(
                List.of("not-coordinates")));
    }

    private Path compile(String name, String source) throws IOException {
        Path src = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve(name + ".java"), source);
        Path out = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), src.toString());
        assertEquals(0, rc, "javac of " + name);
        return out;
    }

    private static Path jarOf(Path location) {
        assertTrue(location.toString().endsWith(".jar"), "gson comes as a jar: " + location);
        return location;
    }

    /** The Maven build's local repository (Surefire passes it), where jjava-jupyter and its dependencies are. */
    private static Path localRepository() {
        return Path.of(System.getProperty("gnn4j.test.mavenRepo"));
    }
}
