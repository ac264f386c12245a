package dev.skillbase.search;

import dev.skillbase.registry.Faceted;
import dev.skillbase.registry.Facets;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.store.Database;
import dev.skillbase.store.SearchIndexer;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Full-text search over skills, one implementation per dialect, chosen once from the database. Ranking: an exact
 * name match first, then the names starting with the query's words joined by '-', then relevance where a match in
 * the name or title weighs most, then tags, then the description, then the body; installs and then rating break
 * ties ({@link RankedQuery}). A skill must have every word of the query ({@link SearchTerms#requiredWords}); when
 * fewer than {@link #ENOUGH} skills have them all, any word is enough, and a skill matching more of them ranks
 * higher; when fewer than {@link #FEW} have any, a word with a typo ("pyhton") also finds the words one edit away
 * ({@link SearchRun}). An empty query (no letters or digits) finds nothing. Thread-safe.
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

    /** Below this many skills with any word, a search also tries corrections of the words it does not know. */
    int FEW = 5;

    Page<SearchHit> search(String text, SkillQuery query);

    /** {@link #search}, with the tag and category counts of all its matches. */
    Faceted<SearchHit> searchWithFacets(String text, SkillQuery query);

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

    /** An empty result of {@code query}. */
    static Faceted<SearchHit> nothing(SkillQuery query) {
        return new Faceted<>(new Page<>(List.of(), 0, query.limit(), query.offset()), Facets.none());
    }

    /** The search of {@code terms} in {@code handle}'s transaction, with the facets when {@code facets}. */
    static Faceted<SearchHit> run(Handle handle, SearchTerms terms, SkillQuery query, SearchRun.Queries queries,
            boolean facets) {
        SearchRun.Result result = SearchRun.run(handle, terms, query, queries);
        return new Faceted<>(result.page(), facets && result.page().total() > 0
                ? result.query().facets(handle, query) : Facets.none());
    }
}
