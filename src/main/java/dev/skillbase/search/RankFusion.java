package dev.skillbase.search;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion of two rankings of skills: each skill scores {@code 1 / (K + rank)} in each ranking it is
 * in (rank from 1), summed; higher first, ties in keyword order, then semantic order. Scores of different rankings
 * need no common scale, which BM25 and cosine lack.
 */
public final class RankFusion {
    /** The usual constant: a first place is worth little more than a fifth, so agreement of both rankings wins. */
    public static final int K = 60;

    /** A fused skill: its score and which rankings held it. */
    public record Fused(SkillSummary skill, double score, boolean keyword, boolean semantic) {
    }

    private RankFusion() {
    }

    public static List<Fused> fuse(List<SkillSummary> keyword, List<SkillSummary> semantic) {
        Map<SkillRef, Fused> fused = new LinkedHashMap<>();
        for (int i = 0; i < keyword.size(); i++) {
            SkillSummary skill = keyword.get(i);
            fused.putIfAbsent(skill.ref(), new Fused(skill, 1.0 / (K + i + 1), true, false));
        }
        for (int i = 0; i < semantic.size(); i++) {
            SkillSummary skill = semantic.get(i);
            double score = 1.0 / (K + i + 1);
            fused.merge(skill.ref(), new Fused(skill, score, false, true),
                    (a, b) -> a.semantic() ? a : new Fused(a.skill(), a.score() + score, a.keyword(), true));
        }
        List<Fused> ranked = new ArrayList<>(fused.values());
        // a stable sort: equal scores keep the keyword-then-semantic order of insertion
        ranked.sort(Comparator.comparingDouble(Fused::score).reversed());
        return ranked;
    }
}
