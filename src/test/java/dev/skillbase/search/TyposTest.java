package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TyposTest {

    @Test
    void variants_are_one_deletion_insertion_replacement_or_swap_away() {
        assertThat(Typos.variants("pyhton")).contains("python", "pyhon", "pyhtton", "pyhtan")
                .doesNotContain("pyhton", "pthyon").doesNotHaveDuplicates();
        assertThat(Typos.variants("kubernets")).contains("kubernetes");
    }

    @Test
    void words_shorter_than_four_letters_have_none() {
        assertThat(Typos.variants("sql")).isEmpty();
        assertThat(Typos.variants("java")).contains("jave", "ajva");
    }

    @Test
    void letters_of_the_word_itself_are_inserted_too() {
        assertThat(Typos.variants("müll")).contains("mülll", "mül", "mmüll");
        assertThat(Typos.variants("mull")).doesNotContain("müll");
    }
}
