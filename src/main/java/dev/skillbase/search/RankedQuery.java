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
        List<Scored> scored = handle.createQuery("SELECT " + SkillRows.COLUMNS + ", " + score + " AS score FROM "
                        + from + where
                        + " ORDER BY CASE WHEN s.name = :exact THEN 0 ELSE 1 END, score DESC, s.name, n.name"
                        + " LIMIT :limit OFFSET :offset")
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("exact", terms.exactName())
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
        long total = handle.createQuery("SELECT count(*) FROM " + from + where)
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .mapTo(Long.class)
                .one();
        List<SkillSummary> summaries = SkillRows.withTags(handle, scored.stream().map(Scored::row).toList());
        List<SearchHit> hits = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            hits.add(new SearchHit(summaries.get(i), scored.get(i).score()));
        }
        return new Page<>(hits, total, query.limit(), query.offset());
    }

    private record Scored(SkillRows.Row row, double score) {
    }
}
