package dev.skillbase.skill;

import java.nio.file.Path;

/** The one validator: checks a skill folder in a {@link ValidationMode} and returns every problem at once. */
public final class Validator {

    public Validator(ValidationMode mode, BundleLimits limits) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /**
     * Validates a skill folder (holding {@code SKILL.md}, or {@code skill.md} which LENIENT accepts with a warning).
     * Never throws for bad content: everything wrong becomes a problem or a skip reason.
     */
    public ValidationResult validate(Path skillDir) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
