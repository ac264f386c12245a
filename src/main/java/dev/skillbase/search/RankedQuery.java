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
 * the filters, exact name first, then by {@code score} (higher is better), then by name and namespace.
 *
 * <p>Two ways to the same page. Without filters other than visibility, the dialect's {@code candidates} query ranks
 * the matches alone (no join, no filter) and keeps the best few beyond the page; their skills are then read and
 * checked, and when the visible ones above the lowest kept score fill the page, that is the page (most searches:
 * ranking a few thousand matches costs a few milliseconds, joining and sorting all of them costs several times more).
 * Otherwise, and with filters, one query ranks every visible match. {@code total} is a plain count of the visible
 * matches.
 *
 * @param from the FROM clause; must alias skills as {@code s} and namespaces as {@code n}
 * @param countFrom the FROM clause of the count (the same tables, perhaps with an index hint)
 * @param exactFrom the FROM clause of the lookup of skills named exactly as the text (the same tables, read from
 *     the skills by name first)
 * @param match the full-text condition
 * @param score the relevance expression over {@code from}
 * @param candidates a query of {@code k} (equal to {@code key}) and {@code score}: the best {@code :cap} matches of
 *     {@code match} alone, best first
 * @param key the column of {@code s} that {@code k} is
 * @param parameters the values {@code from}, {@code match}, {@code score} and {@code candidates} bind
 */
record RankedQuery(String from, String countFrom, String exactFrom, String match, String score, String candidates, String key,
        Map<String, Object> parameters) {
    /** How many candidates beyond the page are ranked, for hidden skills and ties to fall out. */
    static final int SLACK = 40;

    /**
     * The page of {@code query}; when fewer than {@code atLeast} skills match, only the count (with no items): the
     * caller then searches otherwise, and ranking a page nobody reads costs more than counting.
     */
    Page<SearchHit> run(Handle handle, SearchTerms terms, SkillQuery query, int atLeast) {
        SkillFilter filter = SkillFilter.of(query);
        long total = handle.createQuery("SELECT count(*) FROM " + countFrom + " WHERE " + match + " AND "
                        + filter.where())
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .mapTo(Long.class)
                .one();
        if (total == 0 || total < atLeast || query.offset() >= total) {
            return new Page<>(List.of(), total, query.limit(), query.offset());
        }
        boolean filtered = query.namespace().isPresent() || query.status().isPresent() || query.tag().isPresent()
                || query.category().isPresent();
        List<Scored> page = filtered ? null : fromCandidates(handle, terms, query, filter);
        if (page == null) {
            page = ranked(handle, terms, query, filter);
        }
        List<SkillSummary> summaries = SkillRows.withTags(handle, page.stream().map(Scored::row).toList());
        List<SearchHit> hits = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            hits.add(new SearchHit(summaries.get(i), page.get(i).score()));
        }
        return new Page<>(hits, total, query.limit(), query.offset());
    }

    /** The page from the best-ranked candidates, or null when they cannot prove it. */
    private List<Scored> fromCandidates(Handle handle, SearchTerms terms, SkillQuery query, SkillFilter filter) {
        int needed = query.offset() + query.limit();
        int cap = needed + SLACK;
        List<Candidate> ranked = handle.createQuery("SELECT " + SkillRows.COLUMNS + ", c.score, CASE WHEN "
                        + filter.where() + " THEN 1 ELSE 0 END AS visible FROM (" + candidates + ") AS c"
                        + " JOIN skills s ON " + key + " = c.k JOIN namespaces n ON n.id = s.namespace_id"
                        // the database's order of names, as in the full ranking
                        + " ORDER BY c.score DESC, s.name, n.name")
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("cap", cap)
                .map((rs, ctx) -> new Candidate(new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")),
                        rs.getInt("visible") == 1))
                .list();
        List<Scored> exact = exact(handle, terms, filter);
        // with every match among the candidates, all are known; else only those above the lowest kept score are
        double floor = ranked.size() < cap ? Double.NEGATIVE_INFINITY
                : ranked.stream().mapToDouble(c -> c.scored().score()).min().orElse(Double.NEGATIVE_INFINITY);
        List<Scored> known = new ArrayList<>(exact);
        ranked.stream()
                .filter(c -> c.visible() && (floor == Double.NEGATIVE_INFINITY || c.scored().score() > floor))
                .map(Candidate::scored)
                .filter(c -> !c.row().summary().ref().name().equals(terms.exactName()))
                .forEach(known::add);
        if (known.size() < needed && floor != Double.NEGATIVE_INFINITY) {
            return null;
        }
        return known.subList(Math.min(query.offset(), known.size()), Math.min(needed, known.size()));
    }

    /** The visible matches named exactly as the text, by namespace. */
    private List<Scored> exact(Handle handle, SearchTerms terms, SkillFilter filter) {
        return handle.createQuery("SELECT " + SkillRows.COLUMNS + ", " + score + " AS score FROM " + exactFrom
                        + " WHERE " + match + " AND s.name = :exact AND " + filter.where() + " ORDER BY n.name")
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("exact", terms.exactName())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
    }

    /** The page ranked among every visible match. */
    private List<Scored> ranked(Handle handle, SearchTerms terms, SkillQuery query, SkillFilter filter) {
        // the inner query ranks only ids and names: the skills' other columns are read for the page alone
        String order = "CASE WHEN %1$s = :exact THEN 0 ELSE 1 END, %2$s DESC, %1$s, %3$s";
        return handle.createQuery("SELECT " + SkillRows.COLUMNS + ", page.score FROM ("
                        + "SELECT s.id AS skill_id, s.name AS skill_name, n.name AS namespace_name, " + score
                        + " AS score FROM " + from + " WHERE " + match + " AND " + filter.where() + " ORDER BY "
                        + order.formatted("s.name", "score", "n.name") + " LIMIT :limit OFFSET :offset) AS page"
                        + " JOIN skills s ON s.id = page.skill_id JOIN namespaces n ON n.id = s.namespace_id"
                        + " ORDER BY " + order.formatted("s.name", "page.score", "n.name"))
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("exact", terms.exactName())
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
    }

    private record Scored(SkillRows.Row row, double score) {
    }

    private record Candidate(Scored scored, boolean visible) {
    }
}
