package dev.skillbase.search;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.store.SkillFilter;
import dev.skillbase.store.SkillRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A dialect's pieces of a ranked full-text query, run the same way on both: the skills matching {@code match} and
 * the filters, exact name first, then by {@code score} (higher is better).
 *
 * @param from the FROM clause; must alias skills as {@code s} and namespaces as {@code n}
 * @param match the full-text condition
 * @param score the relevance expression
 * @param parameters the values {@code from}, {@code match} and {@code score} bind
 */
record RankedQuery(String from, String match, String score, Map<String, Object> parameters) {

    Page<SearchHit> run(Handle handle, SearchTerms terms, SkillQuery query) {
        SkillFilter filter = SkillFilter.of(query);
        String where = " WHERE " + match + " AND " + filter.where();
        // the window count spares a second full-text scan for the total (PostgreSQL: half the time of a search);
        // the inner query keeps bm25() where FTS5 allows it and ranks only ids and names: the skills' other
        // columns are read for the page alone, not for every match (half the time of a broad search on SQLite)
        String order = "CASE WHEN %1$s = :exact THEN 0 ELSE 1 END, %2$s DESC, %1$s, %3$s";
        List<Scored> scored = handle.createQuery("SELECT " + SkillRows.COLUMNS + ", page.score, page.total FROM ("
                        + "SELECT ranked.*, count(*) OVER () AS total FROM (SELECT s.id AS skill_id,"
                        + " s.name AS skill_name, n.name AS namespace_name, " + score + " AS score FROM " + from + where
                        + ") AS ranked ORDER BY "
                        + order.formatted("ranked.skill_name", "ranked.score", "ranked.namespace_name")
                        + " LIMIT :limit OFFSET :offset) AS page"
                        + " JOIN skills s ON s.id = page.skill_id JOIN namespaces n ON n.id = s.namespace_id"
                        + " ORDER BY " + order.formatted("s.name", "page.score", "n.name"))
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("exact", terms.exactName())
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score"), rs.getLong("total")))
                .list();
        long total = scored.isEmpty() ? countBeyondLastPage(handle, where, filter, query) : scored.getFirst().total();
        List<SkillSummary> summaries = SkillRows.withTags(handle, scored.stream().map(Scored::row).toList());
        List<SearchHit> hits = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            hits.add(new SearchHit(summaries.get(i), scored.get(i).score()));
        }
        return new Page<>(hits, total, query.limit(), query.offset());
    }

    /** An empty page has no row to carry the window count: count apart, unless nothing matched at all. */
    private long countBeyondLastPage(Handle handle, String where, SkillFilter filter, SkillQuery query) {
        if (query.offset() == 0) {
            return 0;
        }
        return handle.createQuery("SELECT count(*) FROM " + from + where)
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .mapTo(Long.class)
                .one();
    }

    private record Scored(SkillRows.Row row, double score, long total) {
    }
}
