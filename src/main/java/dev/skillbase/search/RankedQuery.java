package dev.skillbase.search;

import dev.skillbase.registry.Facets;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.store.FacetCounts;
import dev.skillbase.store.SkillFilter;
import dev.skillbase.store.SkillRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A dialect's pieces of a ranked full-text query, run the same way on both: the skills matching {@code match} and
 * the filters in tiers, the exact name first ({@link SearchTerms#exactName}), then the names starting with
 * {@link SearchTerms#namePrefix}, then the rest; within a tier by {@code score} (higher is better), then installs,
 * then rating, then by name and namespace.
 *
 * <p>Two ways to the same page. Without filters other than visibility, the dialect's {@code candidates} query ranks
 * the matches alone (no join, no filter) and keeps the best few beyond the page; their skills are then read and
 * checked, the first two tiers are looked up by name (an index range), and when the visible ones above the lowest
 * kept score fill the page, that is the page (most searches: ranking a few thousand matches costs a few
 * milliseconds, joining and sorting all of them costs several times more). Otherwise, and with filters, one query
 * ranks every visible match. {@code total} is a plain count of the visible matches.
 *
 * @param from the FROM clause; must alias skills as {@code s} and namespaces as {@code n}
 * @param countFrom the FROM clause of the count (the same tables, perhaps with an index hint)
 * @param exactFrom the FROM clause of the lookup of skills named as the text or starting with its prefix (the same
 *     tables, read from the skills by name first)
 * @param match the full-text condition
 * @param score the relevance expression over {@code from}
 * @param candidates a query of {@code k} (equal to {@code key}) and {@code score}: the best {@code :cap} matches of
 *     {@code match} alone, best first
 * @param key the column of {@code s} that {@code k} is
 * @param byteOrderName the dialect's {@code s.name} compared byte by byte (an index range on both)
 * @param parameters the values {@code from}, {@code match}, {@code score} and {@code candidates} bind
 */
record RankedQuery(String from, String countFrom, String exactFrom, String match, String score, String candidates,
        String key, String byteOrderName, Map<String, Object> parameters) {
    /** How many candidates beyond the page are ranked, for hidden skills and ties to fall out. */
    static final int SLACK = 40;
    private static final String TIER = "CASE WHEN s.name = :exact THEN 0 WHEN s.name LIKE :prefix THEN 1 ELSE 2 END";
    /** The order after tier and score. */
    private static final String TIES = "s.installs DESC, coalesce(s.rating, 0) DESC, s.name, n.name";

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

    /** The tag and category counts of every visible match of {@code query}. */
    Facets facets(Handle handle, SkillQuery query) {
        SkillFilter filter = SkillFilter.of(query);
        Map<String, Object> bound = new HashMap<>(parameters);
        bound.putAll(filter.parameters());
        return FacetCounts.count(handle, from, match + " AND " + filter.where(), bound);
    }

    /** The page from the best-ranked candidates, or null when they cannot prove it. */
    private List<Scored> fromCandidates(Handle handle, SearchTerms terms, SkillQuery query, SkillFilter filter) {
        int needed = query.offset() + query.limit();
        int cap = needed + SLACK;
        List<Candidate> ranked = handle.createQuery("SELECT " + SkillRows.COLUMNS + ", c.score, CASE WHEN "
                        + filter.where() + " THEN 1 ELSE 0 END AS visible FROM (" + candidates + ") AS c"
                        + " JOIN skills s ON " + key + " = c.k JOIN namespaces n ON n.id = s.namespace_id"
                        // the database's order of names, as in the full ranking
                        + " ORDER BY c.score DESC, " + TIES)
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bind("cap", cap)
                .map((rs, ctx) -> new Candidate(new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")),
                        rs.getInt("visible") == 1))
                .list();
        List<Scored> named = named(handle, terms, filter, needed);
        // with every match among the candidates, all are known; else only those above the lowest kept score are
        double floor = ranked.size() < cap ? Double.NEGATIVE_INFINITY
                : ranked.stream().mapToDouble(c -> c.scored().score()).min().orElse(Double.NEGATIVE_INFINITY);
        List<Scored> known = new ArrayList<>(named);
        ranked.stream()
                .filter(c -> c.visible() && (floor == Double.NEGATIVE_INFINITY || c.scored().score() > floor))
                .map(Candidate::scored)
                .filter(c -> !isNamed(terms, c.row().summary().ref().name()))
                .forEach(known::add);
        if (known.size() < needed && floor != Double.NEGATIVE_INFINITY) {
            return null;
        }
        return known.subList(Math.min(query.offset(), known.size()), Math.min(needed, known.size()));
    }

    /** Whether a skill of this name is in the first two tiers. */
    private static boolean isNamed(SearchTerms terms, String name) {
        return name.equals(terms.exactName()) || !terms.namePrefix().isEmpty() && name.startsWith(terms.namePrefix());
    }

    /** The best {@code needed} visible matches of the first two tiers, in order. */
    private List<Scored> named(Handle handle, SearchTerms terms, SkillFilter filter, int needed) {
        return handle.createQuery("SELECT " + SkillRows.COLUMNS + ", " + score + " AS score FROM " + exactFrom
                        + " WHERE " + match + " AND (s.name = :exact OR (" + byteOrderName + " >= :prefix_from AND "
                        + byteOrderName + " < :prefix_to)) AND " + filter.where()
                        + " ORDER BY " + TIER + ", score DESC, " + TIES + " LIMIT :needed")
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bindMap(names(terms))
                .bind("needed", needed)
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
    }

    /** The page ranked among every visible match. */
    private List<Scored> ranked(Handle handle, SearchTerms terms, SkillQuery query, SkillFilter filter) {
        // the inner query ranks only ids, names and counters: the skills' other columns are read for the page alone
        return handle.createQuery("SELECT " + SkillRows.COLUMNS + ", page.score FROM ("
                        + "SELECT s.id AS skill_id, " + score + " AS score FROM " + from + " WHERE " + match
                        + " AND " + filter.where() + " ORDER BY " + TIER + ", score DESC, " + TIES
                        + " LIMIT :limit OFFSET :offset) AS page"
                        + " JOIN skills s ON s.id = page.skill_id JOIN namespaces n ON n.id = s.namespace_id"
                        + " ORDER BY " + TIER + ", page.score DESC, " + TIES)
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bindMap(names(terms))
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
    }

    /** The exact name, the LIKE pattern of the prefix tier and its byte range (empty without a prefix). */
    private static Map<String, Object> names(SearchTerms terms) {
        String prefix = terms.namePrefix();
        if (prefix.isEmpty()) {
            // no name is empty: LIKE '' and the range ['', '') select nothing
            return Map.of("exact", terms.exactName(), "prefix", "", "prefix_from", "", "prefix_to", "");
        }
        // names are [a-z0-9-]: U+007F sorts after every character a name starting with the prefix continues with
        return Map.of("exact", terms.exactName(), "prefix", prefix + "%", "prefix_from", prefix,
                "prefix_to", prefix + "\u007f");
    }

    private record Scored(SkillRows.Row row, double score) {
    }

    private record Candidate(Scored scored, boolean visible) {
    }
}
