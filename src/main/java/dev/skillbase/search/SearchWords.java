package dev.skillbase.search;

import dev.skillbase.store.SearchDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The vocabulary of the table {@code search_words}: the words (letters and digits, lower-cased, 3-32 characters) of
 * the skills' names, titles, tags and descriptions, the same SQL on both dialects. Typo tolerance corrects a query's
 * words that are not in it to the words one edit away that are ({@link Typos}). Words are only ever added.
 */
final class SearchWords {
    /** At most this many unknown words of one query are corrected. */
    static final int MAX_CORRECTED = 4;
    private static final int MIN = 3;
    private static final int MAX = 32;
    private static final int BATCH = 500;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** Adds the words of {@code document} (all but its body), inside the caller's transaction. */
    static void add(Handle handle, SearchDocument document) {
        // sorted: concurrent transactions inserting the same words in one order cannot deadlock on PostgreSQL
        Set<String> words = new TreeSet<>();
        collect(words, document.name());
        collect(words, document.title());
        document.tags().forEach(tag -> collect(words, tag));
        collect(words, document.description());
        List<String> all = List.copyOf(words);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("INSERT INTO search_words (word) VALUES ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "(?)" : ", (?)");
            }
            var update = handle.createUpdate(sql.append(" ON CONFLICT DO NOTHING").toString());
            for (int i = 0; i < batch.size(); i++) {
                update.bind(i, batch.get(i));
            }
            update.execute();
        }
    }

    /**
     * For each of the first {@link #MAX_CORRECTED} of {@code words} that the vocabulary lacks and that is long enough
     * to correct, the vocabulary's words one edit away, in the vocabulary's order; words with none are left out.
     */
    static Map<String, List<String>> corrections(Handle handle, Collection<String> words) {
        List<String> candidates = words.stream().filter(w -> w.length() >= Typos.MIN_LENGTH && w.length() <= MAX)
                .toList();
        Map<String, List<String>> corrections = new LinkedHashMap<>();
        if (candidates.isEmpty()) {
            return corrections;
        }
        Set<String> known = known(handle, candidates);
        candidates.stream().filter(w -> !known.contains(w)).limit(MAX_CORRECTED).forEach(word -> {
            List<String> found = new ArrayList<>(known(handle, Typos.variants(word)));
            if (!found.isEmpty()) {
                corrections.put(word, List.copyOf(found));
            }
        });
        return corrections;
    }

    private static Set<String> known(Handle handle, List<String> words) {
        return new TreeSet<>(handle.createQuery("SELECT word FROM search_words WHERE word IN (<words>)")
                .bindList("words", words)
                .mapTo(String.class)
                .list());
    }

    private static void collect(Set<String> words, String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (word.length() >= MIN && word.length() <= MAX) {
                words.add(word);
            }
        }
    }
}
