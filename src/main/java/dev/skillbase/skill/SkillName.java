package dev.skillbase.skill;

import java.util.List;

/** A skill name under the agentskills.io rules: 1-64 chars of a-z, 0-9 and '-', no leading, trailing or double hyphen. */
public record SkillName(String value) {

    /** @throws InvalidSkillNameException naming every rule the text breaks */
    public static SkillName parse(String text) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** Every rule {@code text} breaks, as problems on field {@code name}; empty when the name is valid. */
    public static List<Problem> problems(String text) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    @Override
    public String toString() {
        return value;
    }
}
