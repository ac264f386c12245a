package dev.skillbase.sync;

import dev.skillbase.registry.SkillRef;
import java.util.List;
import java.util.Optional;

/**
 * What a push did (or, on a dry run, would do) with one skill folder.
 *
 * @param path the skill folder relative to the pushed folder, '/'-separated ("" for the folder itself)
 * @param ref the skill it was published as; empty when no valid name could be resolved
 * @param version the version published (ADDED, UPDATED) or found (UNCHANGED)
 * @param previousVersion the latest version before this push (UPDATED, UNCHANGED)
 * @param warnings what lenient validation tolerated, and how the name was resolved
 * @param reasons why the skill was SKIPPED or in CONFLICT; empty otherwise
 */
public record PushedSkill(
        String path,
        Optional<SkillRef> ref,
        Outcome outcome,
        Optional<String> version,
        Optional<String> previousVersion,
        String taxonomyPath,
        List<String> warnings,
        List<String> reasons) {

    public enum Outcome {
        /** the skill was new: its first version was published */
        ADDED,
        /** its content changed: a new version was published */
        UPDATED,
        /** its content equals the latest published version: nothing was written */
        UNCHANGED,
        /** it cannot be read as a skill (no or broken frontmatter, a bundle limit broken, no valid name) */
        SKIPPED,
        /** its name is taken by another skill in the same push, or its version was taken concurrently */
        CONFLICT
    }

    public PushedSkill {
        warnings = List.copyOf(warnings);
        reasons = List.copyOf(reasons);
    }

    /** True when this skill made the push fail (exit code 1): skipped or in conflict. */
    public boolean failed() {
        return outcome == Outcome.SKIPPED || outcome == Outcome.CONFLICT;
    }
}
