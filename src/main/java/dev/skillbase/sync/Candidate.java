package dev.skillbase.sync;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.SkillDocument;
import java.util.List;
import java.util.Optional;

/**
 * One skill folder found by a push, read and named but not yet compared with the registry. {@code document} and
 * {@code bundle} are present exactly when {@code reasons} is empty.
 */
record Candidate(
        String path,
        String taxonomyPath,
        Optional<SkillRef> ref,
        Optional<SkillDocument> document,
        Optional<Bundle> bundle,
        List<String> warnings,
        List<String> reasons,
        PushedSkill.Outcome failure) {

    Candidate {
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
    }

    boolean publishable() {
        return reasons.isEmpty();
    }

    Candidate conflicting(String reason) {
        return new Candidate(path, taxonomyPath, ref, Optional.empty(), Optional.empty(), warnings, List.of(reason),
                PushedSkill.Outcome.CONFLICT);
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
