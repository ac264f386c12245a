package dev.skillbase.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a search text, and the name a skill must have to be an exact match (the text itself, or its part
 * after the last '/' for {@code namespace/name}). The words are runs of letters and digits, lower-cased,
 * de-duplicated, at most {@link #MAX_TERMS}. Everything else (quotes, {@code *}, {@code -}, {@code :}, parentheses) only separates words, and the full-text
 * operators {@code AND}, {@code OR}, {@code NOT}, {@code NEAR} become plain words, so no input can change the
 * meaning of the query the dialect builds from them.
 */
public record SearchTerms(String exactName, List<String> words) {
    public static final int MAX_TERMS = 16;
    /** The shortest {@link #namePrefix()}. */
    public static final int MIN_PREFIX = 3;
    private static final int MAX_WORD = 64;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    public SearchTerms {
        words = List.copyOf(words);
    }

    public static SearchTerms of(String text) {
        String source = text == null ? "" : text;
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(source.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_TERMS) {
            String word = m.group();
            words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
        }
        // control characters (NUL above all, which PostgreSQL rejects in text) cannot be part of a name
        String exactName = CONTROL.matcher(source).replaceAll("").strip().toLowerCase(Locale.ROOT);
        // "namespace/name" names a skill too: its name part is what must match exactly
        exactName = exactName.substring(exactName.lastIndexOf('/') + 1);
        return new SearchTerms(exactName, List.copyOf(words));
    }

    /**
     * The words a skill must all have when a search asks for every word: those of the name part of
     * {@code namespace/name} (the namespace is not in a skill's text), else all of them.
     */
    public List<String> requiredWords() {
        List<String> named = of(exactName).words();
        return named.isEmpty() ? words : named;
    }

    /**
     * The names that rank right after the exact name are this or start with it and '-': the words of the name part
     * joined by '-' ({@code "PDF tools"} is {@code pdf-tools}; such names hold every word), or empty without an exact name (a task) or when that is shorter than {@link #MIN_PREFIX} characters
     * (a name starting with one or two letters says nothing).
     */
    public String namePrefix() {
        if (exactName.isEmpty()) {
            return "";
        }
        String prefix = String.join("-", requiredWords());
        return prefix.length() < MIN_PREFIX ? "" : prefix;
    }

    /**
     * These terms with typos corrected: every word and its corrections, and the exact name with each corrected word
     * replaced by its first correction, so that the name tiers rank the names of the corrected words.
     */
    SearchTerms corrected(Map<String, List<String>> corrections) {
        String name = exactName;
        for (Map.Entry<String, List<String>> e : corrections.entrySet()) {
            name = name.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])",
                    Matcher.quoteReplacement(e.getValue().getFirst()));
        }
        Set<String> all = new LinkedHashSet<>(words);
        corrections.values().forEach(all::addAll);
        return new SearchTerms(name, List.copyOf(all));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
