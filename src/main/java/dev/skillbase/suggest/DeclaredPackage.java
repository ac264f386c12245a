package dev.skillbase.suggest;

import java.util.List;

/**
 * A package a project declares, with the manifests that declare it (paths relative to the project, '/'-separated).
 */
public record DeclaredPackage(PackageId pkg, List<String> manifests) {
    public DeclaredPackage {
        manifests = List.copyOf(manifests);
    }
}
