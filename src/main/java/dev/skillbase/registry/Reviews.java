package dev.skillbase.registry;

import dev.skillbase.store.ReviewStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reviews of skills, in process. The caller (the server, a command on the database) has checked who the user is,
 * that they may read the skill and, for {@link #replace} and {@link #remove}, that they may change the review; this
 * stores it, keeps the skill's rating figures and tells the registry's change listeners that the skill changed,
 * before the call returns. Thread-safe.
 */
public final class Reviews {
    private final ReviewStore store;
    private final Consumer<SkillRef> changed;

    Reviews(ReviewStore store, Consumer<SkillRef> changed) {
        this.store = store;
        this.changed = changed;
    }

    /**
     * Creates the user's review of the skill, or replaces the one they wrote before.
     *
     * @throws NoSuchSkillException when the skill does not exist
     * @throws InvalidReviewException when the version reviewed is not one of the skill's
     */
    public Review.Saved save(long userId, SkillRef ref, ReviewInput input) {
        try {
            return store.save(userId, ref, input);
        } finally {
            changed.accept(ref);
        }
    }

    /** @throws ReviewNotFoundException when the skill has no such review */
    public Review replace(SkillRef ref, long id, ReviewInput input) {
        try {
            return store.replace(ref, id, input);
        } finally {
            changed.accept(ref);
        }
    }

    /**
     * Removes a review; {@code moderated} when the remover is not its author, which is recorded in the audit log.
     *
     * @throws ReviewNotFoundException when the skill has no such review
     */
    public Review remove(SkillRef ref, long id, boolean moderated) {
        try {
            return store.remove(ref, id, moderated);
        } finally {
            changed.accept(ref);
        }
    }

    public Optional<Review> find(SkillRef ref, long id) {
        return store.find(ref, id);
    }

    /** The skill's reviews, most recently written first. */
    public Page<Review> list(SkillRef ref, int limit, int offset) {
        return store.list(ref, limit, offset);
    }
}
