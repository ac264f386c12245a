package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

    @Test
    void reads_the_name_as_words_then_title_and_description_cut_at_a_word_boundary() {
        EmbeddingText text = EmbeddingText.of("pdf-forms", "PDF forms", "Fills in  the fields\nof PDF forms. "
                + "word ".repeat(100));

        assertThat(text.text()).startsWith("pdf forms. PDF forms. Fills in the fields of PDF forms. word");
        assertThat(text.text().length()).isLessThanOrEqualTo(EmbeddingText.MAX_CHARS);
        assertThat(text.text()).endsWith("word");
    }

    @Test
    void the_digest_follows_the_text_the_model_reads_and_only_it() {
        String tail = "x".repeat(EmbeddingText.MAX_CHARS);
        EmbeddingText text = EmbeddingText.of("a", "A", "Does a thing. " + tail);

        assertThat(text.digest()).startsWith("sha256:").hasSize(71);
        assertThat(EmbeddingText.of("a", "A", "Does a thing. " + tail + " more").digest()).isEqualTo(text.digest());
        assertThat(EmbeddingText.of("a", "A", "Does another thing.").digest()).isNotEqualTo(text.digest());
    }

    @Test
    void vectors_round_trip_through_their_stored_bytes() {
        float[] vector = SentenceEmbedder.unit(new float[] {3, 4});
        assertThat(EmbeddingStore.floats(EmbeddingStore.bytes(vector))).containsExactly(0.6f, 0.8f);
    }
}
