package io.gnn4j.graph.internal;

import java.lang.invoke.MethodHandles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link SparseKernels} and {@link ElementwiseKernels} implementations once, at class initialisation
 * (after Lucene's {@code VectorizationProvider}): the Vector API kernels when {@code jdk.incubator.vector} is
 * readable, the scalar ones otherwise, with one log line saying why and how to enable the fast path. The system
 * property {@code gnn4j.kernels=scalar} forces the scalar kernels (for debugging and CI).
 */
public final class KernelProvider {
    private static final Logger LOG = LoggerFactory.getLogger(KernelProvider.class);

    private KernelProvider() {}

    private static final class Holder {
        static final boolean VECTOR = vectorChosen();
        static final SparseKernels INSTANCE = VECTOR ? vector() : scalar();
        static final ElementwiseKernels ELEMENTWISE = VECTOR ? elementwiseVector() : elementwiseScalar();
    }

    /** The kernels chosen at start-up. */
    public static SparseKernels kernels() {
        return Holder.INSTANCE;
    }

    /** The elementwise kernels chosen at start-up (the same family as {@link #kernels()}). */
    public static ElementwiseKernels elementwise() {
        return Holder.ELEMENTWISE;
    }

    /** The always-available scalar elementwise kernels. */
    public static ElementwiseKernels elementwiseScalar() {
        return new ScalarElementwiseKernels();
    }

    /**
     * The Vector API elementwise kernels.
     *
     * @throws UnsupportedOperationException when {@code jdk.incubator.vector} is not readable
     */
    public static ElementwiseKernels elementwiseVector() {
        return load("io.gnn4j.graph.internal.PanamaElementwiseKernels", ElementwiseKernels.class);
    }

    /** The always-available scalar kernels. */
    public static SparseKernels scalar() {
        return new ScalarKernels();
    }

    /**
     * The Vector API kernels.
     *
     * @throws UnsupportedOperationException when {@code jdk.incubator.vector} is not readable
     */
    public static SparseKernels vector() {
        return load("io.gnn4j.graph.internal.PanamaKernels", SparseKernels.class);
    }

    /** A Vector API class of this package, constructed reflectively so that nothing else links against it. */
    private static <T> T load(String className, Class<T> type) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new UnsupportedOperationException("jdk.incubator.vector is not enabled: start the JVM with "
                    + "--add-modules jdk.incubator.vector");
        }
        try {
            return type.cast(MethodHandles.lookup()
                    .findConstructor(Class.forName(className), java.lang.invoke.MethodType.methodType(void.class))
                    .invoke());
        } catch (Throwable t) {
            throw new UnsupportedOperationException("Vector API kernels could not be loaded: " + t, t);
        }
    }

    /** Whether both kernel families run on the Vector API: readable and not forced off; says why not in the log. */
    private static boolean vectorChosen() {
        if ("scalar".equals(System.getProperty("gnn4j.kernels"))) {
            LOG.info("gnn4j kernels: scalar (forced by -Dgnn4j.kernels=scalar)");
            return false;
        }
        try {
            LOG.debug("gnn4j kernels: {}", vector().name());
            return true;
        } catch (UnsupportedOperationException e) {
            LOG.warn("gnn4j kernels: scalar, slower ({}). Enable the fast path with --add-modules jdk.incubator.vector",
                    e.getMessage());
            return false;
        }
    }
}
