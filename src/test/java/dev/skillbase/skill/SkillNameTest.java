package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkillNameTest {

    @Test
    void accepts_lower_case_words_joined_by_single_hyphens() {
        assertThat(SkillName.parse("pdf-tools-2").value()).isEqualTo("pdf-tools-2");
        assertThat(SkillName.parse("a").toString()).isEqualTo("a");
        assertThat(SkillName.problems("x".repeat(64))).isEmpty();
    }

    @Test
    void rejects_name_with_double_hyphen() {
        assertThat(SkillName.problems("pdf--tools")).extracting(Problem::code).containsExactly("name-hyphen");
    }

    @Test
    void rejects_leading_and_trailing_hyphens() {
        assertThat(SkillName.problems("-pdf")).extracting(Problem::code).containsExactly("name-hyphen");
        assertThat(SkillName.problems("pdf-")).extracting(Problem::code).containsExactly("name-hyphen");
    }

    @Test
    void rejects_name_over_64_characters() {
        assertThat(SkillName.problems("x".repeat(65)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo("name-too-long");
                    assertThat(p.message()).contains("65 characters").contains("at most 64");
                });
    }

    @Test
    void names_every_rule_broken_at_once() {
        assertThat(SkillName.problems("-" + "A".repeat(70)))
                .extracting(Problem::code)
                .containsExactly("name-too-long", "name-invalid-chars", "name-hyphen");
    }

    @Test
    void reports_the_characters_that_are_not_allowed() {
        assertThat(SkillName.problems("stitch::React Components"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("name");
                    assertThat(p.message()).contains("\":R C\"").contains("lower-case letters");
                });
    }

    @Test
    void rejects_empty_and_missing_names() {
        assertThat(SkillName.problems("")).extracting(Problem::code).containsExactly("name-missing");
        assertThat(SkillName.problems(null)).extracting(Problem::code).containsExactly("name-missing");
    }

    @Test
    void parse_throws_with_every_broken_rule_in_the_message() {
        assertThatThrownBy(() -> SkillName.parse("Bad--Name"))
                .isInstanceOf(InvalidSkillNameException.class)
                .hasMessageContaining("\"BN\"")
                .hasMessageContaining("two in a row");
    }
}
