package io.gnn4j.jupyter;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in the kernel's JVM (JShell's local execution), with the snippet's class loader as the
 * thread's context class loader while it runs: libraries added by {@code %maven}/{@code %jars} live in that loader,
 * and ND4J, JavaCPP and {@link java.util.ServiceLoader} look their backends up through the context class loader.
 */
final class NotebookExecutionControl extends LocalExecutionControl {

    /** The provider JShell's builder takes: every JShell it builds gets a fresh {@link NotebookExecutionControl}. */
    static final ExecutionControlProvider PROVIDER = new ExecutionControlProvider() {
        @Override
        public String name() {
            return "gnn4j-notebook";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new NotebookExecutionControl();
        }
    };

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        try {
            return super.invoke(doitMethod);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
