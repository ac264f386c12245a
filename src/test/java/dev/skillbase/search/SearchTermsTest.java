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
    void corrected_terms_have_every_word_and_correction_and_the_name_of_the_first_corrections() {
        SearchTerms terms = SearchTerms.of("acme/pyhton-testng").corrected(java.util.Map.of(
                "pyhton", java.util.List.of("python", "pylhon"), "testng", java.util.List.of("testing")));

        assertThat(terms.exactName()).isEqualTo("python-testing");
        assertThat(terms.namePrefix()).isEqualTo("python-testing");
        assertThat(terms.words()).containsExactlyInAnyOrder("acme", "pyhton", "testng", "python", "pylhon",
                "testing");
    }

    @Test
    void name_prefix_is_the_name_words_joined_and_empty_when_short_or_without_a_name() {
        assertThat(SearchTerms.of("PDF  Tools").namePrefix()).isEqualTo("pdf-tools");
        assertThat(SearchTerms.of("go").namePrefix()).isEmpty();
        assertThat(new SearchTerms("", java.util.List.of("convert", "pdf")).namePrefix()).isEmpty();
    }

    @Test
    void text_without_letters_or_digits_has_no_words() {
        assertThat(SearchTerms.of("*** \"\" ()").isEmpty()).isTrue();
        assertThat(SearchTerms.of(null).isEmpty()).isTrue();
    }
}
