package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void splits_on_everything_but_letters_and_digits_and_lowers_case() {
        SearchTerms terms = SearchTerms.of("(PDF-Tools) AND \"forms\"* -x:y ünï 3d");

        assertThat(terms.words()).containsExactly("pdf", "tools", "and", "forms", "x", "y", "ünï", "3d");
    }

    @Test
    void keeps_at_most_sixteen_distinct_words() {
        SearchTerms terms = SearchTerms.of("a a b c d e f g h i j k l m n o p q r s t");

        assertThat(terms.words()).hasSize(SearchTerms.MAX_TERMS).startsWith("a", "b").doesNotHaveDuplicates();
    }

    @Test
    void the_exact_name_is_the_trimmed_text_or_its_part_after_the_namespace() {
        assertThat(SearchTerms.of("  PDF-Tools ").exactName()).isEqualTo("pdf-tools");
        assertThat(SearchTerms.of("acme/pdf-tools").exactName()).isEqualTo("pdf-tools");
        assertThat(SearchTerms.of("pdf\u0000tools").exactName()).isEqualTo("pdftools");
    }

    @Test
    void text_without_letters_or_digits_has_no_words() {
        assertThat(SearchTerms.of("*** \"\" ()").isEmpty()).isTrue();
        assertThat(SearchTerms.of(null).isEmpty()).isTrue();
    }
}
