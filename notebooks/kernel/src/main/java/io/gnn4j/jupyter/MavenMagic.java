package io.gnn4j.jupyter;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The {@code %maven group:artifact[:extension[:classifier]]:version …} line magic of IJava/JJava: resolves the
 * artifacts with their transitive runtime dependencies (Maven Resolver through MIMA, as JJava does) and adds every
 * jar to the notebook's classpath. Artifacts come from the local Maven repository ({@code -Dmaven.repo.local=DIR}
 * overrides the user's) and Maven Central; with {@code -Dgnn4j.kernel.offline=true} only from the local repository,
 * which is how CI runs the notebooks after {@code ./mvnw install}.
 */
final class MavenMagic implements LineMagic<Void, NotebookKernel> {

    private final Path localRepository;
    private final boolean offline;

    /** A resolver on {@code localRepository} (null: the user's, from the Maven settings), offline or not. */
    MavenMagic(Path localRepository, boolean offline) {
        this.localRepository = localRepository;
        this.offline = offline;
    }

    /** The resolver the JVM's system properties describe: {@code maven.repo.local} and {@code gnn4j.kernel.offline}. */
    static MavenMagic fromSystemProperties() {
        String repo = System.getProperty("maven.repo.local");
        return new MavenMagic(repo == null || repo.isBlank() ? null : Path.of(repo),
                Boolean.getBoolean("gnn4j.kernel.offline"));
    }

    @Override
    public Void eval(NotebookKernel kernel, List<String> args) throws DependencyResolutionException {
        for (Path jar : resolve(args)) {
            kernel.addToClasspath(jar);
        }
        return null;
    }

    /** The jars of {@code coordinates} and their runtime dependencies, resolved together (one conflict resolution). */
    List<Path> resolve(List<String> coordinates) throws DependencyResolutionException {
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("%maven needs at least one group:artifact:version, got none");
        }
        ContextOverrides.Builder overrides = ContextOverrides.create().withUserSettings(true).offline(offline);
        if (localRepository != null) {
            overrides.withLocalRepositoryOverride(localRepository);
        }
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides.build())) {
            CollectRequest collect = new CollectRequest();
            for (String c : coordinates) {
                collect.addDependency(new Dependency(artifact(c), JavaScopes.RUNTIME));
            }
            collect.setRepositories(context.remoteRepositories());
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : context.repositorySystem()
                    .resolveDependencies(context.repositorySystemSession(), request).getArtifactResults()) {
                jars.add(result.getArtifact().getFile().toPath());
            }
            return jars;
        }
    }

    private static DefaultArtifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("%maven takes group:artifact[:extension[:classifier]]:version, got '"
                    + coordinates + "'", e);
        }
    }
}
