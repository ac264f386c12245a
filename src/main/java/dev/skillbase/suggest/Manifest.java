package dev.skillbase.suggest;

import java.nio.file.Path;
import java.util.List;

/** One kind of project manifest ({@code package.json}, {@code pom.xml}, ...): which files, and their packages. */
interface Manifest {
    /** Whether a file of this name is such a manifest. */
    boolean accepts(String fileName);

    /**
     * The packages the manifest declares (duplicates allowed).
     *
     * @throws ManifestException when the file cannot be read or parsed
     */
    List<PackageId> read(Path file);
}
