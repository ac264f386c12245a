package dev.skillbase.search;

import dev.skillbase.registry.Faceted;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.store.Database;
import dev.skillbase.store.SearchDocument;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQLite FTS5: the table {@code skill_search(name, title, tags, description, body)} whose rowid is the skill's
 * {@code seq}, ranked by {@code bm25} with column weights 10, 10, 5, 2, 1 (a match: 10, 10, 5, 4, 0.5). Matches are counted and filtered through
 * the index {@code skills_search_filter} (seq and the filtered columns), not the skills' whole rows.
 */
final class SqliteFullText implements FullTextSearch {
    private static final String FROM = "skill_search JOIN skills s ON s.seq = skill_search.rowid"
            + " JOIN namespaces n ON n.id = s.namespace_id";
    private static final String COUNT_FROM = "skill_search JOIN skills s INDEXED BY skills_search_filter"
            + " ON s.seq = skill_search.rowid JOIN namespaces n ON n.id = s.namespace_id";
    private static final String SCORE = "-bm25(skill_search, 10.0, 10.0, 5.0, 2.0, 1.0)";
    /**
     * A task is long and chatty: its common words are in most skills' instructions, so the body weighs less in a
     * match than in a search (measured on bench/match-eval.tsv: recall@3 0.70 with the search's weights, 0.78 so).
     */
    private static final String MATCH_SCORE = "-bm25(skill_search, 10.0, 10.0, 5.0, 4.0, 0.5)";

    private final Database database;

    SqliteFullText(Database database) {
        this.database = database;
    }

    @Override
    public void index(Handle handle, UUID skillId, SearchDocument document) {
        long seq = handle.createQuery("SELECT seq FROM skills WHERE id = :id")
                .bind("id", skillId).mapTo(Long.class).one();
        handle.createUpdate("DELETE FROM skill_search WHERE rowid = :seq").bind("seq", seq).execute();
        handle.createUpdate("""
                        INSERT INTO skill_search (rowid, name, title, tags, description, body)
                        VALUES (:seq, :name, :title, :tags, :description, :body)""")
                .bind("seq", seq)
                .bind("name", document.name())
                .bind("title", document.title())
                .bind("tags", String.join(" ", document.tags()))
                .bind("description", document.description())
                .bind("body", document.body())
                .execute();
        SearchWords.add(handle, document);
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        return search(text, query, false).page();
    }

    @Override
    public Faceted<SearchHit> searchWithFacets(String text, SkillQuery query) {
        return search(text, query, true);
    }

    private Faceted<SearchHit> search(String text, SkillQuery query, boolean facets) {
        SearchTerms terms = SearchTerms.of(text);
        if (terms.isEmpty()) {
            return FullTextSearch.nothing(query);
        }
        return database.read("searching for '" + terms.exactName() + "'", handle -> FullTextSearch.run(handle,
                terms, query, (words, every) -> ranked(words, every ? " AND " : " OR "), facets));
    }

    @Override
    public Page<SearchHit> match(MatchTerms terms, SkillQuery query) {
        if (terms.isEmpty()) {
            return new Page<>(List.of(), 0, query.limit(), query.offset());
        }
        return database.read("matching a task", handle -> ranked(terms.words(), " OR ", MATCH_SCORE)
                .run(handle, FullTextSearch.anyOf(terms), query, 0));
    }

    private static RankedQuery ranked(List<String> words, String operator) {
        return ranked(words, operator, SCORE);
    }

    private static RankedQuery ranked(List<String> words, String operator, String score) {
        // each word is letters and digits only, quoted: FTS5 reads it as a plain string, never as syntax
        String match = words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(operator));
        String candidates = "SELECT rowid AS k, " + score + " AS score FROM skill_search"
                + " WHERE skill_search MATCH :match ORDER BY score DESC LIMIT :cap";
        return new RankedQuery(FROM, COUNT_FROM, "skill_search MATCH :match", score, candidates, "s.seq",
                "s.name", Map.of("match", match));
    }
}
