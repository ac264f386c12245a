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
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A dialect's pieces of a ranked full-text query, run the same way on both: the skills matching {@code match} and
 * the filters in tiers: the exact name first ({@link SearchTerms#exactName}), then the names that are
 * {@link SearchTerms#namePrefix} or start with it and '-' (both by installs, rating, name and namespace), then the
 * rest by {@code score} (higher is better), installs, rating, name and namespace. A name of the first two tiers holds
 * every word of the query, so it matches: those tiers are read from the skills by name alone, an index range.
 *
 * <p>Two ways to the same page. Without filters other than visibility, the dialect's {@code candidates} query ranks
 * the matches alone (no join, no filter) and keeps the best few beyond the page; their skills are then read and
 * checked, the first two tiers are looked up by name, and when the visible ones above the lowest
 * kept score fill the page, that is the page (most searches: ranking a few thousand matches costs a few
 * milliseconds, joining and sorting all of them costs several times more). Otherwise, and with filters, one query
 * ranks every visible match. {@code total} is a plain count of the visible matches.
 *
 * @param from the FROM clause; must alias skills as {@code s} and namespaces as {@code n}
 * @param countFrom the FROM clause of the count (the same tables, perhaps with an index hint)
 * @param match the full-text condition
 * @param score the relevance expression over {@code from}
 * @param candidates a query of {@code k} (equal to {@code key}) and {@code score}: the best {@code :cap} matches of
 *     {@code match} alone, best first
 * @param key the column of {@code s} that {@code k} is
 * @param byteOrderName the dialect's {@code s.name} compared byte by byte (an index range on both)
 * @param parameters the values {@code from}, {@code match}, {@code score} and {@code candidates} bind
 */
record RankedQuery(String from, String countFrom, String match, String score, String candidates,
        String key, String byteOrderName, Map<String, Object> parameters) {
    /** How many candidates beyond the page are ranked, for hidden skills and ties to fall out. */
    static final int SLACK = 40;
    private static final String NAMED = "s.name = :prefix OR s.name LIKE :prefix_like";
    private static final String TIER = "CASE WHEN s.name = :exact THEN 0 WHEN " + NAMED + " THEN 1 ELSE 2 END";
    /** The order of the tiers: names first, the rest by score ({@code %s}). */
    private static final String RELEVANCE = TIER + ", CASE WHEN s.name = :exact OR " + NAMED
            + " THEN 0 ELSE %s END DESC";
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
        List<Scored> named = named(handle, terms, filter, needed, ranked);
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
        String prefix = terms.namePrefix();
        return name.equals(terms.exactName())
                || !prefix.isEmpty() && (name.equals(prefix) || name.startsWith(prefix + "-"));
    }

    /**
     * The best {@code needed} visible skills of the first two tiers, in order, each with its score: from the ranked
     * candidates when there, else scored here (a name that holds every word ranks high: rarely needed).
     */
    private List<Scored> named(Handle handle, SearchTerms terms, SkillFilter filter, int needed,
            List<Candidate> ranked) {
        List<SkillRows.Row> rows = handle.createQuery("SELECT " + SkillRows.COLUMNS + " FROM " + SkillRows.FROM
                        + " WHERE (s.name = :exact OR (" + byteOrderName + " >= :prefix AND " + byteOrderName
                        + " < :prefix_to)) AND " + filter.where() + " ORDER BY " + TIER + ", " + TIES
                        + " LIMIT :needed")
                .bindMap(filter.parameters())
                .bindMap(names(terms))
                .bind("needed", needed)
                .map(SkillRows::map)
                .list();
        Map<UUID, Double> scores = new HashMap<>();
        ranked.forEach(c -> scores.put(c.scored().row().id(), c.scored().score()));
        List<UUID> unscored = rows.stream().map(SkillRows.Row::id).filter(id -> !scores.containsKey(id)).toList();
        if (!unscored.isEmpty()) {
            handle.createQuery("SELECT " + SkillRows.COLUMNS + ", " + score + " AS score FROM " + from + " WHERE "
                            + match + " AND s.id IN (<ids>)")
                    .bindMap(parameters)
                    .bindList("ids", unscored)
                    .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                    .forEach(scored -> scores.put(scored.row().id(), scored.score()));
        }
        return rows.stream().map(row -> new Scored(row, scores.getOrDefault(row.id(), 0.0))).toList();
    }

    /** The page ranked among every visible match. */
    private List<Scored> ranked(Handle handle, SearchTerms terms, SkillQuery query, SkillFilter filter) {
        // the inner query ranks only ids, names and counters: the skills' other columns are read for the page alone
        return handle.createQuery("SELECT " + SkillRows.COLUMNS + ", page.score FROM ("
                        + "SELECT s.id AS skill_id, " + score + " AS score FROM " + from + " WHERE " + match
                        + " AND " + filter.where() + " ORDER BY " + RELEVANCE.formatted(score) + ", " + TIES
                        + " LIMIT :limit OFFSET :offset) AS page"
                        + " JOIN skills s ON s.id = page.skill_id JOIN namespaces n ON n.id = s.namespace_id"
                        + " ORDER BY " + RELEVANCE.formatted("page.score") + ", " + TIES)
                .bindMap(parameters)
                .bindMap(filter.parameters())
                .bindMap(names(terms))
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> new Scored(SkillRows.map(rs, ctx), rs.getDouble("score")))
                .list();
    }

    /** The exact name, the prefix, its LIKE pattern and the end of its byte range (matching nothing without one). */
    private static Map<String, Object> names(SearchTerms terms) {
        String prefix = terms.namePrefix();
        if (prefix.isEmpty()) {
            // no name is empty: = '', LIKE '' and the range ['', '') select nothing
            return Map.of("exact", terms.exactName(), "prefix", "", "prefix_like", "", "prefix_to", "");
        }
        // names are [a-z0-9-]: '.' follows '-' and precedes the digits, so [prefix, prefix.) holds prefix and prefix-*
        return Map.of("exact", terms.exactName(), "prefix", prefix, "prefix_like", prefix + "-%",
                "prefix_to", prefix + ".");
    }

    private record Scored(SkillRows.Row row, double score) {
    }

    private record Candidate(Scored scored, boolean visible) {
    }
}
