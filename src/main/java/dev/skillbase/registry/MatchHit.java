package dev.skillbase.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A skill that fits a task: the skill, its relevance (higher is better; comparable within one answer only) and the
 * reason, the fields of the skill that matched ({@code name}, {@code title}, {@code tags}, {@code description}, or
 * {@code body} alone) each with the task's words found in it.
 */
public record MatchHit(SkillSummary skill, double score, Map<String, List<String>> reason) {
    /** The longest task accepted, in characters. */
    public static final int MAX_TASK = 2000;
    /** The most skills one match returns. */
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 10;

    public MatchHit {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        reason.forEach((field, words) -> copy.put(field, List.copyOf(words)));
        reason = java.util.Collections.unmodifiableMap(copy);
    }
}
