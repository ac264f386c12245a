package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewInputTest {

    @Test
    void reports_every_wrong_field_at_once() {
        InvalidReviewException e = catchThrowableOfType(InvalidReviewException.class,
                () -> new ReviewInput(0, "  ", "b".repeat(ReviewInput.MAX_BODY + 1), Optional.empty()));

        assertThat(e.problems()).extracting(InvalidReviewException.FieldProblem::field)
                .containsExactly("rating", "title", "body");
        assertThat(e.getMessage()).contains("from 1 to 5").contains("title must be 1 to 200");
    }

    @Test
    void strips_text_and_treats_a_blank_version_as_none() {
        ReviewInput input = new ReviewInput(5, "  Great ", null, Optional.of(" "));

        assertThat(input.title()).isEqualTo("Great");
        assertThat(input.body()).isEmpty();
        assertThat(input.version()).isEmpty();
    }
}
