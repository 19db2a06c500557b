package io.gnn4j.jupyter;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel's entry point, as kernel.json's argv calls it: {@code java <gnn4j JVM flags> -cp <kernel classpath>
 * io.gnn4j.jupyter.NotebookKernelMain {connection_file}}, optionally with {@code -Dmaven.repo.local=DIR} and
 * {@code -Dgnn4j.kernel.offline=true} for {@code %maven} ({@link MavenMagic}).
 */
public final class NotebookKernelMain {
    private NotebookKernelMain() {
    }

    /** Connects to Jupyter with the connection file {@code args[0]} and serves until Jupyter shuts the kernel down. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            throw new IllegalArgumentException("usage: NotebookKernelMain CONNECTION_FILE (a file), got "
                    + String.join(" ", args));
        }
        JupyterConnection connection = new JupyterConnection(
                KernelConnectionProperties.parse(Files.readString(Path.of(args[0]))));
        NotebookKernel kernel = NotebookKernel.create(MavenMagic.fromSystemProperties());
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}
