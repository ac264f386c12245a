package dev.skillbase.search;

import dev.skillbase.registry.SkillSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a skill matched a task: for each of its fields {@code name}, {@code title}, {@code tags} and
 * {@code description}, the task's words found there, compared by a light stem (plural and verb endings removed), so
 * "queries" finds "query" and "converting" finds "convert". A skill that matched in none of them matched in its
 * instructions: its reason is {@code body} with no words (the body is not read back to say which).
 */
public final class MatchReason {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String[] SUFFIXES = {"ations", "ation", "ings", "ing", "ers", "er", "ies", "ied", "es",
        "ed", "ly", "s"};

    private MatchReason() {
    }

    /** The fields that matched, in the order name, title, tags, description, each with the task's words in it. */
    public static Map<String, List<String>> of(MatchTerms terms, SkillSummary skill) {
        Map<String, List<String>> reason = new LinkedHashMap<>();
        put(reason, "name", terms, skill.ref().name());
        put(reason, "title", terms, skill.title());
        put(reason, "tags", terms, String.join(" ", skill.tags()));
        put(reason, "description", terms, skill.description());
        if (reason.isEmpty()) {
            reason.put("body", List.of());
        }
        return reason;
    }

    private static void put(Map<String, List<String>> reason, String field, MatchTerms terms, String text) {
        Set<String> stems = stems(text);
        List<String> found = new ArrayList<>();
        for (String word : terms.words()) {
            if (stems.contains(stem(word))) {
                found.add(word);
            }
        }
        if (!found.isEmpty()) {
            reason.put(field, List.copyOf(found));
        }
    }

    private static Set<String> stems(String text) {
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        return m.results().map(r -> stem(r.group())).collect(Collectors.toSet());
    }

    /** The word without its first matching plural or verb ending, keeping at least three letters. */
    static String stem(String word) {
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                String base = word.substring(0, word.length() - suffix.length());
                return suffix.startsWith("ie") ? base + "y" : base;
            }
        }
        return word;
    }
}
