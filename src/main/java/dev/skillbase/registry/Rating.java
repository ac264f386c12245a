package dev.skillbase.registry;

import java.util.Optional;

/**
 * A skill's reviews in two figures: the mean of their ratings (1-5; absent without reviews) and how many there are.
 * Lists sort by {@link #smoothed()}, not by the mean, so that a few reviews do not outrank many.
 */
public record Rating(Optional<Double> average, long count) {
    /** The prior a skill starts from: as if it had {@link #PRIOR_WEIGHT} reviews of {@link #PRIOR_MEAN}. */
    public static final double PRIOR_MEAN = 3.0;
    public static final int PRIOR_WEIGHT = 5;
    public static final Rating NONE = new Rating(Optional.empty(), 0);

    public Rating {
        if (count < 0 || average.isPresent() != (count > 0)) {
            throw new IllegalArgumentException("a rating has an average exactly when it has reviews: " + average
                    + " over " + count);
        }
    }

    /**
     * The Bayesian average: (PRIOR_WEIGHT * PRIOR_MEAN + sum of ratings) / (PRIOR_WEIGHT + count). One 5-star review
     * gives 3.33, a hundred 4-star reviews 3.95; a skill without reviews 3.0.
     */
    public double smoothed() {
        return (PRIOR_WEIGHT * PRIOR_MEAN + average.orElse(0.0) * count) / (PRIOR_WEIGHT + count);
    }

    /**
     * The same formula in SQL over the columns {@code skills.rating} and {@code skills.rating_count} of {@code s}:
     * exactly the expression of the index {@code skills_rating} (migration V8), which lists sorted by rating walk.
     */
    public static String smoothedSql() {
        return "((" + PRIOR_WEIGHT * PRIOR_MEAN + " + COALESCE(s.rating, 0) * s.rating_count) / (" + PRIOR_WEIGHT
                + " + s.rating_count))";
    }
}
