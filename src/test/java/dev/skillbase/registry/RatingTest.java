package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void a_hundred_four_star_reviews_outrank_one_five_star_review() {
        Rating one = new Rating(Optional.of(5.0), 1);
        Rating hundred = new Rating(Optional.of(4.0), 100);

        assertThat(hundred.smoothed()).isGreaterThan(one.smoothed());
        assertThat(one.smoothed()).isCloseTo(20.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Rating.NONE.smoothed()).isEqualTo(Rating.PRIOR_MEAN);
    }

    @Test
    void many_reviews_approach_their_own_mean() {
        assertThat(new Rating(Optional.of(4.5), 10_000).smoothed()).isBetween(4.49, 4.5);
    }

    @Test
    void rejects_an_average_without_reviews_and_reviews_without_an_average() {
        assertThatThrownBy(() -> new Rating(Optional.of(4.0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(Optional.empty(), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
