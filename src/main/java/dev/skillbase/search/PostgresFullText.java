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
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL: the column {@code skills.search_vector} (weights A name and title, B tags, C description, D body;
 * English stemming) behind a GIN index finds the matches; they are ranked by {@code ts_rank} with its default weights
 * 1.0/0.4/0.2/0.1 over {@code skills.rank_vector}, the same without the body. Ranking reads every match's vector, and
 * a vector with the body is up to 1 MB out of line: ranking without it made a broad search a hundred times faster.
 * A skill that matches in its body alone scores 0 and comes after every skill that matches elsewhere, by name.
 */
final class PostgresFullText implements FullTextSearch {
    private static final String FROM = "skills s JOIN namespaces n ON n.id = s.namespace_id"
            + " CROSS JOIN to_tsquery('english', :match) AS q(query)";
    private static final String SCORE = "ts_rank(s.rank_vector, q.query, 1)";
    private static final String CANDIDATES = "SELECT s.id AS k, " + SCORE + " AS score FROM skills s"
            + " CROSS JOIN to_tsquery('english', :match) AS q(query) WHERE s.search_vector @@ q.query"
            + " ORDER BY score DESC LIMIT :cap";

    private final Database database;

    PostgresFullText(Database database) {
        this.database = database;
    }

    @Override
    public void index(Handle handle, UUID skillId, SearchDocument document) {
        handle.createUpdate("""
                        UPDATE skills SET rank_vector = head.vector,
                            search_vector = head.vector || setweight(to_tsvector('english', :body), 'D')
                        FROM (SELECT setweight(to_tsvector('english', :name), 'A')
                                     || setweight(to_tsvector('english', :title), 'A')
                                     || setweight(to_tsvector('english', :tags), 'B')
                                     || setweight(to_tsvector('english', :description), 'C') AS vector) AS head
                        WHERE id = :id""")
                .bind("id", skillId)
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
        // the matches come from the GIN index, whose bitmap needs no recheck: the planner would rather scan the table
        // for a common word and test each vector, reading every body's vector out of line (50-100 times slower)
        return database.read("searching for '" + terms.exactName() + "'", handle -> handle.inTransaction(tx -> {
            tx.execute("SET LOCAL enable_seqscan = off");
            return FullTextSearch.run(tx, terms, query, (words, every) -> ranked(words, every ? " & " : " | "),
                    facets);
        }));
    }

    @Override
    public Page<SearchHit> match(MatchTerms terms, SkillQuery query) {
        if (terms.isEmpty()) {
            return new Page<>(List.of(), 0, query.limit(), query.offset());
        }
        return database.read("matching a task", handle -> handle.inTransaction(tx -> {
            tx.execute("SET LOCAL enable_seqscan = off");
            return ranked(terms.words(), " | ").run(tx, FullTextSearch.anyOf(terms), query, 0);
        }));
    }

    private static RankedQuery ranked(List<String> words, String operator) {
        // letters and digits only, joined by an operator: to_tsquery sees words, never operators of the caller's
        String match = String.join(operator, words);
        return new RankedQuery(FROM, FROM, "s.search_vector @@ q.query", SCORE, CANDIDATES, "s.id",
                "s.name COLLATE \"C\"", Map.of("match", match));
    }
}
