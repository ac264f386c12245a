package dev.skillbase.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a task description that can tell skills apart: runs of letters and digits, lower-cased, without the
 * stop words of {@code match-stopwords.txt} (function words and the words of asking for help), one-letter words and
 * repeats, at most {@link #MAX_TERMS} in their order, each followed by its synonyms from {@code match-synonyms.txt}
 * (short forms and other names: "mongo" also looks for "mongodb"). As in {@link SearchTerms}, punctuation only
 * separates words, so no input can change the meaning of the full-text query built from them. The databases stem the words
 * themselves (SQLite's porter tokenizer, PostgreSQL's english configuration).
 */
public record MatchTerms(List<String> words) {
    public static final int MAX_TERMS = 32;
    private static final int MAX_WORD = 64;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = load("match-stopwords.txt");
    private static final Map<String, List<String>> SYNONYMS = synonyms(load("match-synonyms.txt"));

    public MatchTerms {
        words = List.copyOf(words);
    }

    public static MatchTerms of(String task) {
        Set<String> words = new LinkedHashSet<>();
        // apostrophes join their word ("don't" is one word, a stop word), everything else separates
        Matcher m = WORD.matcher(task.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""));
        while (m.find() && words.size() < MAX_TERMS) {
            String word = m.group();
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
                SYNONYMS.getOrDefault(word, List.of()).stream()
                        .limit(MAX_TERMS - words.size())
                        .forEach(words::add);
            }
        }
        return new MatchTerms(List.copyOf(words));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /** The lines {@code word: other words} of the synonyms file, by word. */
    private static Map<String, List<String>> synonyms(Set<String> lines) {
        Map<String, List<String>> synonyms = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalStateException("match-synonyms.txt: '" + line + "' is not 'word: other words'");
            }
            List<String> others = new ArrayList<>();
            Matcher m = WORD.matcher(line.substring(colon + 1));
            while (m.find()) {
                others.add(m.group());
            }
            synonyms.put(line.substring(0, colon).strip(), List.copyOf(others));
        }
        return Map.copyOf(synonyms);
    }

    private static Set<String> load(String resource) {
        try (InputStream in = MatchTerms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + MatchTerms.class);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
