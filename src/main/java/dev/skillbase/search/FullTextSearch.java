package dev.skillbase.search;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.store.Database;
import dev.skillbase.store.SearchIndexer;

/**
 * Full-text search over skills, one implementation per dialect, chosen once from the database. Ranking: an exact
 * name match first, then relevance where a match in the name or title weighs most, then tags, then the
 * description, then the body. The words of a query are alternatives: a skill matching more of them ranks higher.
 * An empty query (no letters or digits) finds nothing. Thread-safe.
 */
public sealed interface FullTextSearch extends SearchIndexer permits SqliteFullText, PostgresFullText {

    static FullTextSearch of(Database database) {
        return switch (database.dialect()) {
            case SQLITE -> new SqliteFullText(database);
            case POSTGRESQL -> new PostgresFullText(database);
        };
    }

    Page<SearchHit> search(String text, SkillQuery query);
}
