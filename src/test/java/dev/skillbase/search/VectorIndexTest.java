package dev.skillbase.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VectorIndexTest {
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    private static float[] axis(int dimension) {
        float[] vector = new float[SentenceEmbedder.DIMENSIONS];
        vector[dimension] = 1;
        return vector;
    }

    private static float[] between(int first, int second) {
        float[] vector = new float[SentenceEmbedder.DIMENSIONS];
        vector[first] = 0.8f;
        vector[second] = 0.6f;
        return vector;
    }

    @Test
    void finds_the_nearest_vectors_first_and_no_more_than_asked() {
        VectorIndex index = VectorIndex.EMPTY.with(Map.of(A, axis(0), B, axis(1), C, between(0, 1)));

        assertThat(index.nearest(axis(0), 2)).extracting(VectorIndex.Neighbour::skillId).containsExactly(A, C);
        assertThat(index.nearest(axis(1), 3)).extracting(VectorIndex.Neighbour::skillId).containsExactly(B, C, A);
        assertThat(index.nearest(axis(0), 1).getFirst().similarity()).isEqualTo(1.0);
    }

    @Test
    void a_new_vector_of_a_skill_replaces_its_old_one_and_the_old_index_is_unchanged() {
        VectorIndex before = VectorIndex.EMPTY.with(Map.of(A, axis(0), B, axis(1)));
        VectorIndex after = before.with(Map.of(A, axis(2)));

        assertThat(after.size()).isEqualTo(2);
        assertThat(after.nearest(axis(2), 1).getFirst().skillId()).isEqualTo(A);
        assertThat(before.nearest(axis(0), 1).getFirst().skillId()).isEqualTo(A);
        assertThat(before.nearest(axis(2), 2)).allMatch(n -> n.similarity() == 0);
    }

    @Test
    void rejects_a_vector_of_another_model_size() {
        assertThatThrownBy(() -> VectorIndex.EMPTY.with(Map.of(A, new float[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 dimensions");
    }
}
