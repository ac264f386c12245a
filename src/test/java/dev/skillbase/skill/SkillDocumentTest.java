package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillDocumentTest {

    private static FrontmatterException failure(String text) {
        try {
            SkillDocument.parse(text);
        } catch (FrontmatterException e) {
            return e;
        }
        throw new AssertionError("expected a FrontmatterException for:\n" + text);
    }

    @Test
    void splits_frontmatter_and_body() {
        SkillDocument doc = SkillDocument.parse("---\nname: pdf\ndescription: Reads PDFs.\n---\n# PDF\n\nBody.\n");
        assertThat(doc.frontmatter().name()).contains("pdf");
        assertThat(doc.frontmatter().description()).contains("Reads PDFs.");
        assertThat(doc.body()).isEqualTo("# PDF\n\nBody.\n");
    }

    @Test
    void accepts_a_utf8_bom_and_crlf_line_endings() {
        SkillDocument doc = SkillDocument.parse("\uFEFF---\r\nname: pdf\r\ndescription: Reads.\r\n---\r\nBody\r\n");
        assertThat(doc.frontmatter().values()).containsExactly(Map.entry("name", "pdf"), Map.entry("description", "Reads."));
        assertThat(doc.body()).isEqualTo("Body\n");
    }

    @Test
    void accepts_a_file_that_ends_at_the_closing_line() {
        assertThat(SkillDocument.parse("---\nname: a\n---").body()).isEmpty();
        assertThat(SkillDocument.parse("---\n---\n").frontmatter().values()).isEmpty();
    }

    @Test
    void keeps_numbers_as_the_text_they_were_written_as() {
        Frontmatter fm = SkillDocument.parse("---\nversion: 1.0\ncount: 010\nmetadata:\n  version: 2.0\n  n: 3\n---\n")
                .frontmatter();
        assertThat(fm.values().get("version")).isEqualTo("1.0");
        assertThat(fm.values().get("count")).isEqualTo("010");
        assertThat(fm.values().get("metadata")).isEqualTo(Map.of("version", "2.0", "n", "3"));
    }

    @Test
    void keeps_booleans_and_nulls_and_reads_dates_as_strings() {
        Frontmatter fm = SkillDocument.parse("---\nflag: true\nnothing:\nupdated: 2026-03-05\nyes-no: yes\n---\n")
                .frontmatter();
        assertThat(fm.values()).containsEntry("flag", true).containsEntry("nothing", null)
                .containsEntry("updated", "2026-03-05").containsEntry("yes-no", "yes");
    }

    @Test
    void reports_a_missing_frontmatter_block() {
        assertThat(failure("# Title\n\nname: x\n").code()).isEqualTo("missing-frontmatter");
        assertThat(failure("").code()).isEqualTo("missing-frontmatter");
        assertThat(failure("\n---\nname: x\n---\n").code()).isEqualTo("missing-frontmatter");
    }

    @Test
    void reports_an_unterminated_block() {
        FrontmatterException e = failure("---\nname: x\ndescription: y\n# Body\n");
        assertThat(e.code()).isEqualTo("unterminated-frontmatter");
        assertThat(e).hasMessageContaining("closing ---");
    }

    @Test
    void reports_yaml_syntax_errors_with_the_line() {
        FrontmatterException e = failure("---\nname: x\ndescription: Use when: the user asks\n---\n");
        assertThat(e.code()).isEqualTo("yaml-syntax");
        assertThat(e).hasMessageContaining("mapping values are not allowed").hasMessageContaining("line 3");
    }

    @Test
    void rejects_duplicate_keys() {
        FrontmatterException e = failure("---\nname: a\nname: b\ndescription: d\n---\n");
        assertThat(e.code()).isEqualTo("duplicate-key");
        assertThat(e).hasMessageContaining("name");
    }

    @Test
    void rejects_frontmatter_that_is_not_a_mapping() {
        assertThat(failure("---\n- a\n- b\n---\n").code()).isEqualTo("frontmatter-not-mapping");
        assertThat(failure("---\njust text\n---\n").code()).isEqualTo("frontmatter-not-mapping");
    }

    @Test
    void refuses_a_billion_laughs_quickly_with_a_clear_problem() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        yaml.append("---\n");
        long start = System.nanoTime();
        FrontmatterException e = failure(yaml.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.code()).isEqualTo("yaml-too-complex");
        assertThat(e).hasMessageContaining("aliases");
    }

    @Test
    void accepts_a_few_aliases() {
        Frontmatter fm = SkillDocument.parse("---\nbase: &b [x, y]\ncopy: *b\n---\n").frontmatter();
        assertThat(fm.values().get("copy")).isEqualTo(List.of("x", "y"));
    }

    @Test
    void refuses_a_huge_frontmatter_before_parsing_it() {
        String yaml = "---\ndescription: \"" + "x".repeat(FrontmatterParser.MAX_FRONTMATTER_CHARS) + "\"\n---\n";
        assertThat(failure(yaml).code()).isEqualTo("frontmatter-too-large");
    }

    @Test
    void exception_carries_code_and_cause() {
        FrontmatterException e = new FrontmatterException("c", "m", new IllegalStateException("x"));
        assertThat(e.code()).isEqualTo("c");
        assertThat(e.getCause()).hasMessage("x");
        assertThatThrownBy(() -> {
            throw e;
        }).hasMessage("m");
    }

    @Test
    void title_comes_from_metadata_then_the_first_heading_outside_code() {
        assertThat(SkillDocument.parse("---\nmetadata:\n  title: PDF Tools\n---\n# Other\n").title()).contains("PDF Tools");
        assertThat(SkillDocument.parse("---\nname: a\n---\n```\n# not this\n```\n## Sub\n# Real Title \n").title())
                .contains("Real Title");
        assertThat(SkillDocument.parse("---\nname: a\n---\nno heading\n").title()).isEmpty();
    }
}
