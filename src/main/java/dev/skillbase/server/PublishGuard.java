package dev.skillbase.server;

import dev.skillbase.registry.SkillRef;
import java.util.Optional;

/**
 * Decides who may publish: the seam where authentication plugs in. The publish route calls {@link #authorize} first,
 * before reading the body; an implementation returns who is publishing (recorded as the version's
 * {@code published_by}) or throws {@link PublishRefusedException} (401). Implementations are thread-safe.
 *
 * <p>A token-based implementation reads {@link PublishAttempt#authorization()} ({@code Bearer <token>}), checks
 * the token's {@code publish} scope and its right on {@code ref.namespace()}, and refuses otherwise; a 403 for a
 * known caller without rights would be a new exception mapped in {@link Problems}.
 */
public interface PublishGuard {

    /** @throws PublishRefusedException when this attempt may not publish */
    Publisher authorize(PublishAttempt attempt);

    /** What the guard may look at: the skill to publish into and the raw {@code Authorization} header, if any. */
    record PublishAttempt(SkillRef ref, Optional<String> authorization) {
    }

    /** Who publishes; {@code name} is recorded with the version. */
    record Publisher(Optional<String> name) {
    }

    /**
     * The only guard until accounts exist: refuses every publish unless the server was started with
     * {@code --allow-anonymous-publish}, then lets everyone publish anonymously.
     */
    static PublishGuard anonymous(boolean allowed) {
        return attempt -> {
            if (!allowed) {
                throw new PublishRefusedException("publishing needs credentials, and this server has no accounts "
                        + "yet: start it with --allow-anonymous-publish to let anyone publish (tests, local use)");
            }
            return new Publisher(Optional.empty());
        };
    }
}
