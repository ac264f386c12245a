package dev.skillbase.search;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.store.Database;
import dev.skillbase.store.SearchIndexer;
import java.util.List;
import java.util.function.Function;

/**
 * Full-text search over skills, one implementation per dialect, chosen once from the database. Ranking: an exact
 * name match first, then relevance where a match in the name or title weighs most, then tags, then the
 * description, then the body. A skill must have every word of the query ({@link SearchTerms#requiredWords}); when
 * fewer than {@link #ENOUGH} skills have them all, any word is enough, and a skill matching more of them ranks higher.
 * An empty query (no letters or digits) finds nothing. Thread-safe.
 */
public sealed interface FullTextSearch extends SearchIndexer permits SqliteFullText, PostgresFullText {

    static FullTextSearch of(Database database) {
        return switch (database.dialect()) {
            case SQLITE -> new SqliteFullText(database);
            case POSTGRESQL -> new PostgresFullText(database);
        };
    }

    /** Below this many skills with every word, a search takes skills with any word instead. */
    int ENOUGH = 10;

    Page<SearchHit> search(String text, SkillQuery query);

    /**
     * The skills that fit a task: those with any of its words, ranked by relevance as {@link #search} ranks (field
     * weights, the database's stemming), so a skill with more of the task's rarer words in its name, title, tags and
     * description ranks higher. No exact-name rule: a task is not a name. Empty terms find nothing.
     */
    Page<SearchHit> match(MatchTerms terms, SkillQuery query);

    /** The terms of a match as a {@link RankedQuery} takes them: no name is exactly a task. */
    static SearchTerms anyOf(MatchTerms terms) {
        return new SearchTerms("", terms.words());
    }

    /** Searches with every word first, then, when that finds fewer than {@link #ENOUGH} skills, with any word. */
    static Page<SearchHit> allThenAny(SearchTerms terms, Function<List<String>, Page<SearchHit>> all,
            Function<List<String>, Page<SearchHit>> any) {
        if (terms.words().size() > 1) {
            Page<SearchHit> page = all.apply(terms.requiredWords());
            if (page.total() >= ENOUGH) {
                return page;
            }
        }
        return any.apply(terms.words());
    }
}
