package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.Rating;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchTermsTest {

    private static SkillSummary skill(String name, String title, String description, String... tags) {
        return new SkillSummary(new SkillRef("acme", name), title, description, "", "active", Optional.of("1.0.0"),
                List.of(tags), 0, Instant.EPOCH, Instant.EPOCH, Rating.NONE);
    }

    @Test
    void leaves_out_stop_words_and_the_words_of_asking_for_help() {
        assertThat(MatchTerms.of("How do I make my Postgres queries faster? I don't want to use an ORM").words())
                .containsExactly("postgres", "postgresql", "queries", "faster", "orm");
    }

    @Test
    void punctuation_and_query_syntax_only_separate_words_and_repeats_count_once() {
        assertThat(MatchTerms.of("\"pdf\" OR (word* AND -docx) NEAR pdf: a b").words())
                .containsExactly("pdf", "word", "docx", "near");
    }

    @Test
    void a_word_with_synonyms_is_followed_by_them_and_a_synonym_already_there_counts_once() {
        assertThat(MatchTerms.of("structure documents in my mongo collections").words())
                .containsExactly("structure", "documents", "mongo", "mongodb", "collections");
        assertThat(MatchTerms.of("postgres or postgresql").words()).containsExactly("postgres", "postgresql");
    }

    @Test
    void a_task_of_stop_words_only_has_no_terms() {
        assertThat(MatchTerms.of("how do I do this, please?").isEmpty()).isTrue();
        assertThat(MatchTerms.of("").isEmpty()).isTrue();
    }

    @Test
    void keeps_at_most_the_first_terms() {
        String task = String.join(" ", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "word" + i).toList());
        assertThat(MatchTerms.of(task).words()).hasSize(MatchTerms.MAX_TERMS).startsWith("word0");
    }

    @Test
    void the_reason_lists_the_task_words_found_in_each_field_by_their_stem() {
        MatchTerms terms = MatchTerms.of("converting slow postgres queries into fast ones");
        Map<String, List<String>> reason = MatchReason.of(terms, skill("postgres-tuning", "Postgres tuning",
                "Finds the slow query and converts it", "database"));

        assertThat(reason).containsExactly(Map.entry("name", List.of("postgres")),
                Map.entry("title", List.of("postgres")),
                Map.entry("description", List.of("converting", "slow", "queries")));
    }

    @Test
    void the_reason_of_a_skill_matching_in_none_of_its_fields_is_its_body() {
        assertThat(MatchReason.of(MatchTerms.of("kubernetes"), skill("pdf-tools", "PDF", "Fills forms")))
                .containsExactly(Map.entry("body", List.of()));
    }

    @Test
    void tags_count_as_a_field() {
        assertThat(MatchReason.of(MatchTerms.of("react hooks"), skill("ui", "UI", "Components", "react")))
                .containsExactly(Map.entry("tags", List.of("react")));
    }
}
