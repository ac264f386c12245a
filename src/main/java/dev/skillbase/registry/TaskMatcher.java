package dev.skillbase.registry;

import dev.skillbase.search.FullTextSearch;
import dev.skillbase.search.MatchReason;
import dev.skillbase.search.MatchTerms;
import dev.skillbase.search.RankFusion;
import dev.skillbase.search.SemanticMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Registry#match}: the keyword ranking of the task's terms, fused by {@link RankFusion} with the skills
 * nearest the task by meaning when there are vectors. Each ranking contributes its best {@link #CANDIDATES}. A skill
 * found by vectors alone has the reason {@code semantic}, after the fields that hold any of the task's words. With
 * vectors, {@code total} counts the keyword matches and the skills found by vectors alone among the candidates.
 * Thread-safe.
 */
final class TaskMatcher {
    /** How many skills of each ranking are fused. */
    static final int CANDIDATES = 50;

    private final FullTextSearch search;
    private final Optional<SemanticMatch> semantic;

    TaskMatcher(FullTextSearch search, Optional<SemanticMatch> semantic) {
        this.search = search;
        this.semantic = semantic;
    }

    Page<MatchHit> match(String task, SkillQuery query) {
        MatchTerms terms = MatchTerms.of(task);
        if (semantic.isEmpty() || terms.isEmpty()) {
            Page<SearchHit> hits = search.match(terms, query);
            return new Page<>(hits.items().stream()
                    .map(hit -> new MatchHit(hit.skill(), hit.score(), MatchReason.of(terms, hit.skill())))
                    .toList(), hits.total(), hits.limit(), hits.offset());
        }
        SkillQuery top = new SkillQuery(query.namespace(), query.status(), query.tag(), query.category(),
                query.sort(), CANDIDATES, 0, query.viewer());
        Page<SearchHit> keyword = search.match(terms, top);
        List<SkillSummary> near = semantic.get().neighbours(task, query, CANDIDATES);
        List<RankFusion.Fused> fused = RankFusion.fuse(keyword.items().stream().map(SearchHit::skill).toList(), near);
        List<MatchHit> page = fused.stream()
                .skip(query.offset())
                .limit(query.limit())
                .map(f -> new MatchHit(f.skill(), f.score(), reason(terms, f)))
                .toList();
        long semanticOnly = fused.stream().filter(f -> !f.keyword()).count();
        return new Page<>(page, keyword.total() + semanticOnly, query.limit(), query.offset());
    }

    private static Map<String, List<String>> reason(MatchTerms terms, RankFusion.Fused fused) {
        Map<String, List<String>> reason = MatchReason.of(terms, fused.skill());
        if (fused.keyword()) {
            return reason;
        }
        Map<String, List<String>> semantic = new LinkedHashMap<>(reason);
        semantic.remove("body");
        semantic.put("semantic", List.of());
        return semantic;
    }
}
