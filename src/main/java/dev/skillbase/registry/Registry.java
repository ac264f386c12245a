package dev.skillbase.registry;

import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as the CLI sees it. One implementation works in process over a database ({@code LocalRegistry}),
 * a later one over HTTP; the same contract tests run against every implementation. Implementations are
 * thread-safe.
 */
public interface Registry extends AutoCloseable {

    /** A skill's record with its latest version, or empty when it does not exist. */
    Optional<SkillDetails> skill(SkillRef ref);

    /** Every version of a skill, newest (highest semver) first; empty when the skill does not exist. */
    List<VersionInfo> versions(SkillRef ref);

    /**
     * {@link #versions} and the taxonomy path of each of {@code refs} whose skill exists (absent ones are left
     * out), for a caller comparing many skills at once. The default asks once per skill; an implementation may
     * read them all at once.
     */
    default Map<SkillRef, PublishedSkill> published(Collection<SkillRef> refs) {
        Map<SkillRef, PublishedSkill> published = new HashMap<>();
        for (SkillRef ref : refs) {
            skill(ref).ifPresent(skill -> published.put(ref, new PublishedSkill(versions(ref), skill.taxonomyPath())));
        }
        return published;
    }

    /** One version with its manifest (files, sizes, digests), or empty when it does not exist. */
    Optional<VersionDetails> version(SkillRef ref, String version);

    /** The bytes of one file of one version, or empty when the version or the file does not exist. */
    Optional<byte[]> file(SkillRef ref, String version, String path);

    /**
     * The deterministic tar.gz of one version (its bytes hash to the version's archive digest), or empty when the
     * version does not exist.
     */
    Optional<byte[]> archive(SkillRef ref, String version);

    /**
     * The skill's version tags, {@code latest} (the highest version not yanked) first, then the ones set by hand.
     *
     * @throws NoSuchSkillException when the skill does not exist
     */
    Map<String, String> versionTags(SkillRef ref);

    /**
     * Publishes one version in one transaction: creates the namespace and the skill record when missing, updates
     * the skill's metadata (title, description, taxonomy path, tags, license, source) from the request, stores the
     * files (blobs once each), and keeps the full-text index in step.
     *
     * @return CREATED, or UNCHANGED when this exact version with the same content digest already exists
     * @throws VersionConflictException when the version exists with a different content digest
     */
    PublishResult publish(PublishRequest request);

    /**
     * Publishes several versions as {@link #publish} publishes each, in order: a request that fails (a conflict, a
     * rejection, a failing write) is reported in its attempt, leaves nothing of itself behind and does not stop the
     * others. An implementation may commit the requests together (then a process killed before the end loses the
     * whole batch, never part of one version). The default publishes them one by one.
     *
     * @return one attempt per request, in order
     * @throws RuntimeException a failure that is not about one request (the registry cannot be reached, the
     *     batch cannot be committed); requests published before it stay published
     */
    default List<PublishAttempt> publishAll(List<PublishRequest> requests) {
        List<PublishAttempt> attempts = new ArrayList<>(requests.size());
        for (PublishRequest request : requests) {
            try {
                attempts.add(PublishAttempt.published(publish(request)));
            } catch (VersionConflictException | RegistryRejectedException | InvalidVersionException failure) {
                attempts.add(PublishAttempt.failed(failure));
            }
        }
        return attempts;
    }

    Page<SkillSummary> list(SkillQuery query);

    /** Full-text search, best first: an exact name match first, then name/title over description over body. */
    Page<SearchHit> search(String text, SkillQuery query);

    /**
     * The skills that fit a task described in plain words, best first, at most {@code query.limit()}, each with its
     * score and the reason it matched: any of the task's words (stop words left out) in the skill's fields, weighted
     * as search weighs them. {@code query}'s filters and viewer apply as in {@link #search}; its sort is ignored. A
     * task without a word that can tell skills apart finds nothing.
     */
    Page<MatchHit> match(String task, SkillQuery query);

    RegistryStats stats();

    /**
     * Every skill of {@code namespace} the caller may read that has a published version, with its latest version's
     * content digest, sorted by name; archived skills are included (a sync reads them as deleted).
     */
    List<SkillHead> heads(String namespace);

    /**
     * Archives a skill (status {@code archived}): the registry's deletion. Its versions stay readable; publishing a
     * new version does not bring it back.
     *
     * @throws NoSuchSkillException when the skill does not exist
     */
    void archiveSkill(SkillRef ref);

    /**
     * The skills proposed for each package, in the order asked, at most {@code limit} each, best first: what the
     * registry's package mappings say, among the skills its caller may see in lists. A registry without mappings
     * proposes nothing.
     */
    default List<PackageSuggestions> suggest(List<PackageQuery> packages, int limit) {
        return packages.stream().map(query -> new PackageSuggestions(query, List.of())).toList();
    }

    /**
     * Maps the package to the skill by hand, replacing the pair's mapping (inferred or manual).
     *
     * @throws NoSuchSkillException when the skill does not exist (or the caller may not see it)
     * @throws UnsupportedOperationException when this registry holds no mappings (a dry run's empty database)
     */
    default void map(PackageId pkg, SkillRef skill, double confidence, String reason) {
        throw new UnsupportedOperationException("this registry cannot map packages to skills");
    }

    /**
     * Creates the signed-in user's review of a skill, or replaces the one they wrote before. A database has no
     * signed-in user: {@link LocalRegistry#reviews()} takes the user explicitly.
     *
     * @throws NoSuchSkillException when the skill does not exist (or the user may not see it)
     * @throws InvalidReviewException when the review is refused as given
     */
    default Review.Saved review(SkillRef skill, ReviewInput review) {
        throw new UnsupportedOperationException("this registry has no signed-in user to review as");
    }

    /**
     * Records that the caller installed {@code installation} of the skill: created, or updated when the caller has
     * one for that agent and scope. The registry knows the caller from its credentials.
     *
     * @return the installation as recorded; empty when this registry has no signed-in caller to record it for (a
     *     database opened in process, a server called without a token), so nothing was recorded
     */
    default Optional<Installation.Recorded> recordInstallation(SkillRef ref, NewInstallation installation) {
        return Optional.empty();
    }

    /**
     * Removes the caller's recorded installation of the skill for {@code agent} in {@code scope}.
     *
     * @return whether one was removed (false too when this registry has no signed-in caller)
     */
    default boolean removeInstallation(SkillRef ref, String agent, String scope) {
        return false;
    }

    @Override
    void close();
}
