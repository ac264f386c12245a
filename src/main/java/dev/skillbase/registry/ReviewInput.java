package dev.skillbase.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a user writes in a review, checked: rating 1-5, title 1-200 characters, body at most 10,000 (empty when not
 * given), and optionally the version reviewed (which must be one of the skill's; the store checks that).
 */
public record ReviewInput(int rating, String title, String body, Optional<String> version) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 10_000;

    /**
     * @throws InvalidReviewException naming every field that is wrong
     */
    public ReviewInput {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
        version = version.map(String::strip).filter(v -> !v.isEmpty());
        List<InvalidReviewException.FieldProblem> problems = new ArrayList<>();
        if (rating < 1 || rating > 5) {
            problems.add(new InvalidReviewException.FieldProblem("rating", "out-of-range",
                    "rating must be a whole number from 1 to 5, got " + rating));
        }
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.add(new InvalidReviewException.FieldProblem("title", "invalid-title",
                    "title must be 1 to " + MAX_TITLE + " characters, got " + title.length()));
        }
        if (body.length() > MAX_BODY) {
            problems.add(new InvalidReviewException.FieldProblem("body", "body-too-long",
                    "body must be at most " + MAX_BODY + " characters, got " + body.length()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidReviewException(problems);
        }
    }
}
