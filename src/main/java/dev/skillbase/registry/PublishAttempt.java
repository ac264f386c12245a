package dev.skillbase.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one request of {@link Registry#publishAll}: its result, or the failure {@link Registry#publish}
 * would have thrown for it (and then nothing of that request was written).
 */
public final class PublishAttempt {
    private final PublishResult result;
    private final RuntimeException failure;

    private PublishAttempt(PublishResult result, RuntimeException failure) {
        this.result = result;
        this.failure = failure;
    }

    public static PublishAttempt published(PublishResult result) {
        return new PublishAttempt(Objects.requireNonNull(result), null);
    }

    public static PublishAttempt failed(RuntimeException failure) {
        return new PublishAttempt(null, Objects.requireNonNull(failure));
    }

    /** The failure, when the request failed. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * The result, as {@link Registry#publish} would have returned it.
     *
     * @throws RuntimeException the request's failure, as {@link Registry#publish} would have thrown it
     */
    public PublishResult result() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
