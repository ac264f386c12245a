package dev.skillbase.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A skill name under the agentskills.io rules: 1-64 chars of a-z, 0-9 and '-', no leading, trailing or double hyphen. */
public record SkillName(String value) {
    /** The longest name the spec allows. */
    public static final int MAX_LENGTH = 64;

    /** The rules in one sentence, for messages that tell a person how to fix a name. */
    public static final String RULES =
            "a name is 1-64 characters of lower-case letters a-z, digits 0-9 and hyphens, "
                    + "with no hyphen at the start or end and no two hyphens in a row";

    /** @throws InvalidSkillNameException naming every rule {@code value} breaks */
    public SkillName {
        List<Problem> problems = problems(value);
        if (!problems.isEmpty()) {
            throw new InvalidSkillNameException(problems.stream()
                    .map(Problem::message)
                    .collect(Collectors.joining("; ")));
        }
    }

    /** @throws InvalidSkillNameException naming every rule the text breaks */
    public static SkillName parse(String text) {
        return new SkillName(text);
    }

    /** Every rule {@code text} breaks, as problems on field {@code name}; empty when the name is valid. */
    public static List<Problem> problems(String text) {
        if (text == null || text.isEmpty()) {
            return List.of(Problem.error("name", "name-missing", "name is empty: " + RULES));
        }
        String shown = Texts.quote(text);
        List<Problem> problems = new ArrayList<>();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            problems.add(Problem.error("name", "name-too-long",
                    "name " + shown + " has " + length + " characters, at most " + MAX_LENGTH + " are allowed: shorten it"));
        }
        String invalid = text.codePoints()
                .filter(c -> !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'))
                .distinct()
                .mapToObj(Character::toString)
                .collect(Collectors.joining());
        if (!invalid.isEmpty()) {
            problems.add(Problem.error("name", "name-invalid-chars",
                    "name " + shown + " contains " + Texts.quote(invalid)
                            + ": only lower-case letters a-z, digits 0-9 and hyphens are allowed"));
        }
        if (text.startsWith("-") || text.endsWith("-") || text.contains("--")) {
            problems.add(Problem.error("name", "name-hyphen",
                    "name " + shown + " starts or ends with a hyphen or has two in a row: "
                            + "use single hyphens between words only"));
        }
        return List.copyOf(problems);
    }

    @Override
    public String toString() {
        return value;
    }
}
