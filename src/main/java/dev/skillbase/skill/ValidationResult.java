package dev.skillbase.skill;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on one skill folder. {@code document} and {@code bundle} are present unless the skill was skipped
 * (or, for the bundle, could not be read, which is then one of the problems).
 */
public record ValidationResult(
        Path path,
        Optional<String> name,
        Status status,
        List<Problem> problems,
        Optional<SkillDocument> document,
        Optional<Bundle> bundle) {

    public enum Status {
        VALID,
        INVALID,
        SKIPPED
    }

    public ValidationResult {
        problems = List.copyOf(problems);
    }
}
