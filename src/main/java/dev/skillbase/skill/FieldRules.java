package dev.skillbase.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agentskills.io rules for frontmatter fields. Every problem comes back as an error; the {@link Validator}
 * decides what a mode makes of it.
 */
final class FieldRules {
    /** The top-level keys the spec defines. */
    static final Set<String> SPEC_KEYS = Set.of("name", "description", "license", "compatibility", "metadata",
            "allowed-tools");
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_COMPATIBILITY = 500;

    private FieldRules() {
    }

    static List<Problem> check(Frontmatter frontmatter, String folderName) {
        Map<String, Object> values = frontmatter.values();
        List<Problem> problems = new ArrayList<>();
        checkName(values.get("name"), folderName, problems);
        checkDescription(values.get("description"), problems);
        if (values.containsKey("license") && !(values.get("license") instanceof String)) {
            problems.add(notString("license", values.get("license"), "license-not-string",
                    "a license name such as Apache-2.0 or a file reference such as LICENSE.txt"));
        }
        if (values.containsKey("compatibility")) {
            checkCompatibility(values.get("compatibility"), problems);
        }
        if (values.containsKey("metadata")) {
            checkMetadata(values.get("metadata"), problems);
        }
        if (values.containsKey("allowed-tools") && !(values.get("allowed-tools") instanceof String)) {
            problems.add(notString("allowed-tools", values.get("allowed-tools"), "allowed-tools-not-string",
                    "one space-separated string such as \"Bash(git:*) Read\""));
        }
        for (String key : values.keySet()) {
            if (!SPEC_KEYS.contains(key)) {
                problems.add(Problem.error(key, "unknown-key", "key " + Texts.quote(key)
                        + " is not one of the spec's keys (name, description, license, compatibility, metadata, "
                        + "allowed-tools): move it under metadata or remove it"));
            }
        }
        return problems;
    }

    private static void checkName(Object name, String folderName, List<Problem> problems) {
        if (name == null || name instanceof String text && text.isBlank()) {
            problems.add(Problem.error("name", "name-missing",
                    "name is missing: add name: " + folderName + " (the folder's name); " + SkillName.RULES));
            return;
        }
        if (!(name instanceof String text)) {
            problems.add(notString("name", name, "name-not-string", "the folder's name, " + folderName));
            return;
        }
        problems.addAll(SkillName.problems(text));
        if (!text.equals(folderName)) {
            problems.add(Problem.error("name", "name-folder-mismatch", "name " + Texts.quote(text)
                    + " differs from its folder " + Texts.quote(folderName)
                    + ": the spec requires them to be equal, rename one of them"));
        }
    }

    private static void checkDescription(Object description, List<Problem> problems) {
        if (!(description instanceof String text) || text.isBlank()) {
            problems.add(Problem.error("description", "description-missing", description == null
                    ? "description is missing: add description: saying what the skill does and when to use it"
                    : "description " + Texts.quote(description) + " is not a non-empty string: write one saying "
                            + "what the skill does and when to use it"));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_DESCRIPTION) {
            problems.add(Problem.error("description", "description-too-long", "description " + Texts.quote(text)
                    + " has " + length + " characters, at most " + MAX_DESCRIPTION
                    + " are allowed: shorten it and move detail into the body"));
        }
    }

    private static void checkCompatibility(Object compatibility, List<Problem> problems) {
        if (!(compatibility instanceof String text)) {
            problems.add(notString("compatibility", compatibility, "compatibility-not-string",
                    "a sentence naming the environment the skill needs"));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_COMPATIBILITY) {
            problems.add(Problem.error("compatibility", "compatibility-length", "compatibility "
                    + Texts.quote(text) + " has " + length + " characters, it must have 1-" + MAX_COMPATIBILITY
                    + ": shorten it, or remove the key"));
        }
    }

    private static void checkMetadata(Object metadata, List<Problem> problems) {
        if (!(metadata instanceof Map<?, ?> map)) {
            problems.add(Problem.error("metadata", "metadata-not-map", "metadata " + Texts.quote(metadata)
                    + " is not a mapping: write it as indented key: value lines of strings"));
            return;
        }
        map.forEach((key, value) -> {
            if (!(value instanceof String)) {
                problems.add(Problem.error("metadata." + key, "metadata-value-not-string", "metadata." + key
                        + " is " + Texts.quote(value) + ", not a string: metadata maps strings to strings, "
                        + "quote the value (e.g. \"" + key + "\": \"...\")"));
            }
        });
    }

    private static Problem notString(String field, Object value, String code, String expected) {
        return Problem.error(field, code, field + " is " + Texts.quote(value) + ", not a string: write "
                + expected);
    }
}
