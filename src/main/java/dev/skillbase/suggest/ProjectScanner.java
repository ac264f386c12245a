package dev.skillbase.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the packages a project declares in its manifests ({@code package.json}, {@code pom.xml},
 * {@code build.gradle(.kts)}, {@code requirements*.txt}, {@code pyproject.toml}, {@code go.mod}, {@code Cargo.toml},
 * {@code Gemfile}, {@code composer.json}), in the project folder and its sub-folders down to a bounded depth (a
 * monorepo's packages), skipping dependency folders, build output and hidden folders. Symbolic links are not
 * followed. Thread-safe.
 */
public final class ProjectScanner {
    /** How deep below the project folder manifests are looked for by default (0 is the folder itself). */
    public static final int DEFAULT_DEPTH = 4;
    private static final Set<String> SKIPPED = Set.of("node_modules", "bower_components", "target", "build", "dist",
            "out", "vendor", "venv", "env", "__pycache__", "site-packages", "coverage", "bin", "obj");
    private static final List<Manifest> MANIFESTS = List.of(JsonManifests.NPM, JsonManifests.COMPOSER,
            new MavenPom(), new GradleManifest(), LineManifests.REQUIREMENTS, TomlManifests.PYPROJECT,
            LineManifests.GO_MOD, TomlManifests.CARGO, LineManifests.GEMFILE);

    private final int depth;

    public ProjectScanner(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 or more, not " + depth);
        }
        this.depth = depth;
    }

    /**
     * The packages declared under {@code project}, each once, by package.
     *
     * @throws ManifestException when a manifest cannot be read or parsed (naming it)
     * @throws UncheckedIOException when the folder cannot be walked
     */
    public List<DeclaredPackage> scan(Path project) {
        Map<PackageId, List<String>> found = new TreeMap<>();
        try {
            Files.walkFileTree(project, Set.of(), depth + 1, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(project) && (SKIPPED.contains(name) || name.startsWith("."));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        read(project, file, found);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("scanning " + project + ": " + e.getMessage(), e);
        }
        List<DeclaredPackage> packages = new ArrayList<>();
        found.forEach((pkg, files) -> packages.add(new DeclaredPackage(pkg, files)));
        return List.copyOf(packages);
    }

    private static void read(Path project, Path file, Map<PackageId, List<String>> found) {
        String name = file.getFileName().toString();
        for (Manifest manifest : MANIFESTS) {
            if (manifest.accepts(name)) {
                String relative = project.relativize(file).toString().replace('\\', '/');
                for (PackageId pkg : manifest.read(file)) {
                    List<String> files = found.computeIfAbsent(pkg, key -> new ArrayList<>());
                    if (!files.contains(relative)) {
                        files.add(relative);
                    }
                }
            }
        }
    }
}
