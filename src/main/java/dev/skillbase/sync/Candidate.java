package dev.skillbase.sync;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.SkillDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One skill folder found by a push, read and named but not yet compared with the registry. When {@code reasons} is
 * empty, {@code contentDigest} is present, and so are {@code document} and {@code bundle} unless the folder is known
 * unchanged from the {@link PushCache} ({@link #loaded()} is then false and the folder is read when it must be
 * published).
 *
 * @param folder the skill folder on disk
 */
record Candidate(
        Path folder,
        String path,
        String taxonomyPath,
        Optional<SkillRef> ref,
        Optional<SkillDocument> document,
        Optional<Bundle> bundle,
        Optional<String> contentDigest,
        List<String> warnings,
        List<String> reasons,
        PushedSkill.Outcome failure) {

    Candidate {
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
    }

    /** A candidate read from disk: its content digest is its bundle's. */
    static Candidate read(Path folder, String path, String taxonomyPath, Optional<SkillRef> ref,
            Optional<SkillDocument> document, Optional<Bundle> bundle, List<String> warnings, List<String> reasons) {
        return new Candidate(folder, path, taxonomyPath, ref, document, bundle, bundle.map(Bundle::contentDigest),
                warnings, reasons, PushedSkill.Outcome.SKIPPED);
    }

    boolean publishable() {
        return reasons.isEmpty();
    }

    /** Whether the document and bundle are in memory (false for a folder known unchanged from the cache). */
    boolean loaded() {
        return bundle.isPresent();
    }

    /** This candidate without its document and files (read again when it must be published). */
    Candidate unloaded() {
        return new Candidate(folder, path, taxonomyPath, ref, Optional.empty(), Optional.empty(), contentDigest,
                warnings, reasons, failure);
    }

    Candidate conflicting(String reason) {
        return new Candidate(folder, path, taxonomyPath, ref, Optional.empty(), Optional.empty(), Optional.empty(),
                warnings, List.of(reason), PushedSkill.Outcome.CONFLICT);
    }

    /** The version the skill declares: {@code metadata.version}, else a top-level {@code version}. */
    Optional<String> declaredVersion() {
        return document.map(SkillDocument::frontmatter)
                .flatMap(fm -> Optional.ofNullable(fm.metadata().get("version")).or(() -> fm.string("version")));
    }

    /** The report entry of a candidate that was never compared with the registry. */
    PushedSkill unpublished() {
        return new PushedSkill(path, ref, failure, Optional.empty(), Optional.empty(), taxonomyPath, warnings,
                reasons);
    }
}
