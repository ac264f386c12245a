package dev.skillbase.sync;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.PublishedSkill;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryRejectedException;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes a folder of skills into a registry: every skill found is validated leniently, and a new version is
 * published only where the content digest differs from the latest published version (see {@link VersionChoice}).
 *
 * <p>Each skill is published in its own transaction, so a bad skill never loses the others and a push killed
 * half-way is completed by running it again. Two pushes racing on the same skills converge: the loser of a race
 * for a version number sees either the same content (unchanged) or a conflict, after which it plans once more
 * against what the winner published.
 */
public final class Push {
    private static final PublishedSkill NEVER_PUBLISHED = new PublishedSkill(List.of(), "");
    private final Registry registry;
    private final Validator validator;
    private final SkillFolders folders;
    private final Optional<Path> cacheFolder;
    private final Clock clock;

    /**
     * A push that reads every folder.
     *
     * @param registry where to publish; on a dry run only read
     * @param validator a lenient validator
     */
    public Push(Registry registry, Validator validator) {
        this(registry, validator, Optional.empty());
    }

    /**
     * A push that remembers, in {@code cacheFolder}, what it read of each folder, and skips reading the folders
     * that did not change since (see {@link PushCache} for where and when).
     */
    public Push(Registry registry, Validator validator, Optional<Path> cacheFolder) {
        this(registry, validator, cacheFolder, Clock.systemUTC());
    }

    /** As above, with the clock that decides whether a folder settled long enough to be cached (for tests). */
    Push(Registry registry, Validator validator, Optional<Path> cacheFolder, Clock clock) {
        this.registry = registry;
        this.validator = validator;
        this.folders = new SkillFolders(validator);
        this.cacheFolder = cacheFolder;
        this.clock = clock;
    }

    /** The push cache folder of a user: {@code $XDG_CACHE_HOME/skillbase/push}, else under {@code ~/.cache}. */
    public static Path defaultCacheFolder(Map<String, String> env) {
        return PushCache.defaultFolder(env);
    }

    /**
     * @throws NoSkillFoundException when {@code root} holds no skill
     * @throws dev.skillbase.skill.SkillPathException when {@code root} does not exist or cannot be read
     */
    public PushReport push(Path root, PushOptions options) {
        PushCache cache = cacheFolder.map(folder -> PushCache.open(folder, root, validator.toString(), clock))
                .orElseGet(PushCache::none);
        List<Candidate> candidates = new ArrayList<>(folders.read(root, options.namespace(), cache));
        // what the registry holds, read once up front: it tells which skills will be published, so that those known
        // only from the cache are read now and the archives of all are built on the other cores while this thread
        // writes (a race with another writer is still caught at publication)
        Map<SkillRef, PublishedSkill> stored = registry.published(candidates.stream()
                .filter(Candidate::publishable).map(candidate -> candidate.ref().orElseThrow()).toList());
        Map<Candidate, PublishedSkill> published = new IdentityHashMap<>();
        List<Bundle> changed = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (!candidate.publishable()) {
                continue;
            }
            PublishedSkill skill = stored.getOrDefault(candidate.ref().orElseThrow(), NEVER_PUBLISHED);
            if (options.force() || !sameContent(candidate, skill.versions())) {
                candidate = loaded(candidate, options.namespace());
                candidates.set(i, candidate);
                candidate.bundle().filter(bundle -> !options.dryRun()).ifPresent(changed::add);
            }
            published.put(candidate, skill);
        }
        List<PushedSkill> pushed = new ArrayList<>();
        try (BundlePreparation ignored = BundlePreparation.start(changed)) {
            for (Candidate candidate : candidates) {
                pushed.add(candidate.publishable() ? publish(candidate, published.get(candidate), options)
                        : candidate.unpublished());
            }
        }
        if (!options.dryRun()) {
            cache.save();
        }
        return new PushReport(root, options.namespace(), options.dryRun(), pushed);
    }

    /**
     * One skill, as {@link #push} publishes each: also the hook through which a sync pushes the skills it chose (read
     * in full by the caller).
     */
    PushedSkill publish(Candidate candidate, PushOptions options) {
        SkillRef ref = candidate.ref().orElseThrow();
        return publish(candidate, registry.published(List.of(ref)).getOrDefault(ref, NEVER_PUBLISHED), options);
    }

    /**
     * The candidate with its document and bundle, read now if it was known only from the cache. A folder that
     * changed since its fingerprint so much that it now resolves to another name is not published: the checks for
     * names shared within this push were made with the old one.
     */
    private Candidate loaded(Candidate candidate, String namespace) {
        if (candidate.loaded()) {
            return candidate;
        }
        Candidate read = folders.load(candidate, namespace);
        if (read.publishable() && !read.ref().equals(candidate.ref())) {
            return read.conflicting("name: the folder changed while it was being pushed (it is now "
                    + read.ref().orElseThrow() + "): push again");
        }
        return read;
    }

    private static boolean sameContent(Candidate candidate, List<VersionInfo> published) {
        return !published.isEmpty() && published.getFirst().contentDigest().equals(candidate.contentDigest()
                .orElseThrow());
    }

    /** @param stored the skill as read before, used for the first attempt only (a race makes it stale) */
    private PushedSkill publish(Candidate candidate, PublishedSkill stored, PushOptions options) {
        try {
            return publishOnceOrRejected(candidate, stored, options);
        } catch (VersionConflictException raced) {
            SkillRef ref = candidate.ref().orElseThrow();
            PublishedSkill again = registry.published(List.of(ref)).getOrDefault(ref, NEVER_PUBLISHED);
            try {
                return publishOnceOrRejected(candidate, again, options);
            } catch (VersionConflictException twice) {
                twice.addSuppressed(raced);
                return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.CONFLICT,
                        Optional.empty(), Optional.empty(), candidate.taxonomyPath(), candidate.warnings(),
                        List.of("version: " + twice.getMessage()));
            }
        }
    }

    /**
     * A registry server validates strictly what a push validated leniently: a skill it rejects is skipped with the
     * server's reasons, and the push goes on with the others.
     */
    private PushedSkill publishOnceOrRejected(Candidate candidate, PublishedSkill stored, PushOptions options) {
        try {
            return publishOnce(candidate, stored, options);
        } catch (RegistryRejectedException rejected) {
            List<String> reasons = new ArrayList<>();
            reasons.add(rejected.getMessage().lines().findFirst().orElse("rejected by the registry"));
            reasons.addAll(rejected.errors());
            return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.SKIPPED, Optional.empty(),
                    Optional.empty(), candidate.taxonomyPath(), candidate.warnings(), reasons);
        }
    }

    private PushedSkill publishOnce(Candidate candidate, PublishedSkill stored, PushOptions options) {
        SkillRef ref = candidate.ref().orElseThrow();
        List<VersionInfo> published = stored.versions();
        Optional<String> latest = published.stream().findFirst().map(VersionInfo::version);
        if (sameContent(candidate, published) && !options.force()) {
            PushedSkill unchanged = entry(candidate, PushedSkill.Outcome.UNCHANGED, latest, latest);
            return movedWarning(candidate, ref, stored).map(warning -> withWarning(unchanged, warning))
                    .orElse(unchanged);
        }
        // a race made the content differ from what was read up front: the folder's bytes are needed now
        Bundle bundle = candidate.bundle().orElseThrow(() -> new IllegalStateException(
                "the push of " + ref + " lost a race; push again"));
        String version = VersionChoice.next(candidate.declaredVersion(), published);
        PushedSkill.Outcome outcome = published.isEmpty() ? PushedSkill.Outcome.ADDED : PushedSkill.Outcome.UPDATED;
        if (options.dryRun()) {
            return entry(candidate, outcome, Optional.of(version), latest);
        }
        PublishResult result = registry.publish(new PublishRequest(ref, version, candidate.document().orElseThrow(),
                bundle, candidate.taxonomyPath(), candidate.document().orElseThrow().frontmatter().tags(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        if (result.outcome() == PublishResult.Outcome.UNCHANGED) {
            // a concurrent push published this very version with this very content first
            return entry(candidate, PushedSkill.Outcome.UNCHANGED, Optional.of(result.version()), latest);
        }
        return entry(candidate, outcome, Optional.of(result.version()), latest);
    }

    /** An unchanged skill whose folder moved keeps its old taxonomy path until it is published again. */
    private static Optional<String> movedWarning(Candidate candidate, SkillRef ref, PublishedSkill skill) {
        return Optional.of(skill.taxonomyPath())
                .filter(stored -> !stored.equals(candidate.taxonomyPath()))
                .map(stored -> "taxonomy: the database still files " + ref + " under '" + stored
                        + "' (its content is unchanged): push with --force to record '" + candidate.taxonomyPath()
                        + "'");
    }

    private static PushedSkill withWarning(PushedSkill skill, String warning) {
        List<String> warnings = new ArrayList<>(skill.warnings());
        warnings.add(warning);
        return new PushedSkill(skill.path(), skill.ref(), skill.outcome(), skill.version(), skill.previousVersion(),
                skill.taxonomyPath(), warnings, skill.reasons());
    }

    private static PushedSkill entry(
            Candidate candidate, PushedSkill.Outcome outcome, Optional<String> version, Optional<String> previous) {
        return new PushedSkill(candidate.path(), candidate.ref(), outcome, version, previous,
                candidate.taxonomyPath(), candidate.warnings(), List.of());
    }
}
