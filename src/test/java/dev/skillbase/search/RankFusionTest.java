package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static SkillSummary skill(String name) {
        return new SkillSummary(new SkillRef("acme", name), name, "", "", "active", Optional.of("1.0.0"), List.of(), 0,
                Instant.EPOCH, Instant.EPOCH, dev.skillbase.registry.Rating.NONE);
    }

    @Test
    void a_skill_in_both_rankings_comes_before_the_first_of_either_alone() {
        List<RankFusion.Fused> fused = RankFusion.fuse(List.of(skill("a"), skill("b"), skill("c")),
                List.of(skill("d"), skill("c")));

        assertThat(fused).extracting(f -> f.skill().ref().name()).containsExactly("c", "a", "d", "b");
        RankFusion.Fused both = fused.getFirst();
        assertThat(both.keyword()).isTrue();
        assertThat(both.semantic()).isTrue();
        assertThat(both.score()).isEqualTo(1.0 / 63 + 1.0 / 62);
        assertThat(fused.get(2).keyword()).isFalse();
    }

    @Test
    void equal_scores_keep_the_keyword_ranking_first_and_an_empty_ranking_changes_nothing() {
        assertThat(RankFusion.fuse(List.of(skill("a")), List.of(skill("b"))))
                .extracting(f -> f.skill().ref().name()).containsExactly("a", "b");
        assertThat(RankFusion.fuse(List.of(skill("a"), skill("b")), List.of()))
                .extracting(f -> f.skill().ref().name()).containsExactly("a", "b");
    }
}
