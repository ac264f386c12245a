package dev.skillbase.search;

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
 * English stemming) behind a GIN index, ranked by {@code ts_rank} with its default weights 1.0/0.4/0.2/0.1.
 */
final class PostgresFullText implements FullTextSearch {
    private static final String FROM = "skills s JOIN namespaces n ON n.id = s.namespace_id"
            + " CROSS JOIN to_tsquery('english', :match) AS q(query)";
    private static final String SCORE = "ts_rank(s.search_vector, q.query, 1)";

    private final Database database;

    PostgresFullText(Database database) {
        this.database = database;
    }

    @Override
    public void index(Handle handle, UUID skillId, SearchDocument document) {
        handle.createUpdate("""
                        UPDATE skills SET search_vector =
                            setweight(to_tsvector('english', :name), 'A')
                            || setweight(to_tsvector('english', :title), 'A')
                            || setweight(to_tsvector('english', :tags), 'B')
                            || setweight(to_tsvector('english', :description), 'C')
                            || setweight(to_tsvector('english', :body), 'D')
                        WHERE id = :id""")
                .bind("id", skillId)
                .bind("name", document.name())
                .bind("title", document.title())
                .bind("tags", String.join(" ", document.tags()))
                .bind("description", document.description())
                .bind("body", document.body())
                .execute();
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        SearchTerms terms = SearchTerms.of(text);
        if (terms.isEmpty()) {
            return new Page<>(List.of(), 0, query.limit(), query.offset());
        }
        // letters and digits only, joined by OR: to_tsquery sees words, never operators
        String match = String.join(" | ", terms.words());
        RankedQuery ranked = new RankedQuery(FROM, "s.search_vector @@ q.query", SCORE, Map.of("match", match));
        return database.read("searching for '" + terms.exactName() + "'", handle -> ranked.run(handle, terms, query));
    }
}
