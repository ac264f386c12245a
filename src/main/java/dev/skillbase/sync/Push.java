package dev.skillbase.sync;

import dev.skillbase.registry.PublishAttempt;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pushes a folder of skills into a registry: every skill found is validated leniently, and a new version is
 * published only where the content digest differs from the latest published version (see {@link VersionChoice}).
 *
 * <p>Skills are published in batches (up to 64, or what was planned within a second) through {@link
 * Registry#publishAll}, which on a database commits a batch in one transaction with each skill in its own savepoint:
 * a bad skill never loses the others, and a push killed half-way loses at most its last batch and is completed by
 * running it again. Two pushes racing on the same skills converge: the loser of a race
 * for a version number sees either the same content (unchanged) or a conflict, after which it plans once more
 * against what the winner published.
 */
public final class Push {
    private static final PublishedSkill NEVER_PUBLISHED = new PublishedSkill(List.of(), "");
    /** Skills committed together at most; see {@link Batch}. */
    private static final int BATCH_SKILLS = 64;
    private static final long BATCH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The files of the skills read again for publishing at once, at most (see {@link #publishWindow}). */
    private static final long WINDOW_BYTES = 64L << 20;
    private final Registry registry;
    private final Validator validator;
    private final SkillFolders folders;
    private final Optional<Path> cacheFolder;
    private final Clock clock;
    /** The files a push keeps in memory from reading until publishing, and publishes together at most. */
    private final long keepBytes;
    private final long windowBytes;

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
        this(registry, validator, cacheFolder, clock, Runtime.getRuntime().maxMemory() / 4, WINDOW_BYTES);
    }

    /** As above, with the memory bounds (for tests): see {@link #keepBytes}. */
    Push(Registry registry, Validator validator, Optional<Path> cacheFolder, Clock clock, long keepBytes,
            long windowBytes) {
        this.keepBytes = keepBytes;
        this.windowBytes = windowBytes;
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
        List<Candidate> candidates = new ArrayList<>(folders.read(root, options.namespace(), cache, keepBytes));
        // what the registry holds, read once up front: it tells which skills will be published, so that those known
        // only from the cache are read now and the archives of all are built on the other cores while this thread
        // writes (a race with another writer is still caught at publication)
        Map<SkillRef, PublishedSkill> stored = registry.published(candidates.stream()
                .filter(Candidate::publishable).map(candidate -> candidate.ref().orElseThrow()).toList());
        PushedSkill[] pushed = new PushedSkill[candidates.size()];
        for (int from = 0; from < candidates.size(); ) {
            from = publishWindow(candidates, from, stored, pushed, options);
        }
        if (!options.dryRun()) {
            cache.save();
        }
        return new PushReport(root, options.namespace(), options.dryRun(), List.of(pushed));
    }

    /**
     * Publishes the candidates from {@code from} on whose files (read now if they are not in memory) fit in
     * {@link #windowBytes} together (at least one), then lets go of them; returns where the next window starts.
     */
    private int publishWindow(List<Candidate> candidates, int from, Map<SkillRef, PublishedSkill> stored,
            PushedSkill[] pushed, PushOptions options) {
        List<Bundle> changed = new ArrayList<>();
        long bytes = 0;
        int to = from;
        while (to < candidates.size() && (to == from || bytes < windowBytes)) {
            Candidate candidate = candidates.get(to);
            if (candidate.publishable() && (options.force()
                    || !sameContent(candidate, storedOf(stored, candidate).versions()))) {
                candidate = loaded(candidate, options.namespace());
                candidates.set(to, candidate);
                candidate.bundle().filter(bundle -> !options.dryRun()).ifPresent(changed::add);
                bytes += candidate.bundle().map(Bundle::totalBytes).orElse(0L);
            }
            to++;
        }
        try (BundlePreparation ignored = BundlePreparation.start(changed)) {
            Batch batch = new Batch();
            for (int i = from; i < to; i++) {
                Candidate candidate = candidates.get(i);
                if (!candidate.publishable()) {
                    pushed[i] = candidate.unpublished();
                    continue;
                }
                Plan plan = plan(candidate, storedOf(stored, candidate), options);
                if (plan.request().isEmpty()) {
                    pushed[i] = plan.done().orElseThrow();
                } else if (batch.add(i, plan)) {
                    batch.publish(pushed, options);
                }
            }
            batch.publish(pushed, options);
        }
        for (int i = from; i < to; i++) {
            candidates.set(i, null); // published and reported: its files can go
        }
        return to;
    }

    private static PublishedSkill storedOf(Map<SkillRef, PublishedSkill> stored, Candidate candidate) {
        return stored.getOrDefault(candidate.ref().orElseThrow(), NEVER_PUBLISHED);
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
        Plan plan = plan(candidate, stored, options);
        try {
            return rejectedAsSkipped(candidate, () -> publishOnce(plan));
        } catch (VersionConflictException raced) {
            return publishAfterRace(candidate, raced, options);
        }
    }

    /** Plans once more against what the winner of a race for a version published, and publishes alone. */
    private PushedSkill publishAfterRace(Candidate candidate, VersionConflictException raced, PushOptions options) {
        SkillRef ref = candidate.ref().orElseThrow();
        PublishedSkill again = registry.published(List.of(ref)).getOrDefault(ref, NEVER_PUBLISHED);
        try {
            return rejectedAsSkipped(candidate, () -> publishOnce(plan(candidate, again, options)));
        } catch (VersionConflictException twice) {
            twice.addSuppressed(raced);
            return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.CONFLICT,
                    Optional.empty(), Optional.empty(), candidate.taxonomyPath(), candidate.warnings(),
                    List.of("version: " + twice.getMessage()));
        }
    }

    /**
     * What became of a skill published in a batch: as {@link #publish} reports it, except that a skill that failed
     * in the batch for another reason than a conflict or a rejection is published once more alone (as a push did
     * before batches; what it failed on may have been the batch, e.g. a deadlock with another writer on PostgreSQL).
     */
    private PushedSkill published(Plan plan, PublishAttempt attempt, PushOptions options) {
        Candidate candidate = plan.candidate();
        try {
            return rejectedAsSkipped(candidate, () -> attempt.failure()
                    .filter(failure -> !(failure instanceof VersionConflictException
                            || failure instanceof RegistryRejectedException))
                    .map(failure -> publishOnce(plan))
                    .orElseGet(() -> reported(plan, attempt.result())));
        } catch (VersionConflictException raced) {
            return publishAfterRace(candidate, raced, options);
        }
    }

    /**
     * A registry server validates strictly what a push validated leniently: a skill it rejects is skipped with the
     * server's reasons, and the push goes on with the others.
     */
    private static PushedSkill rejectedAsSkipped(Candidate candidate, Supplier<PushedSkill> publication) {
        try {
            return publication.get();
        } catch (RegistryRejectedException rejected) {
            List<String> reasons = new ArrayList<>();
            reasons.add(rejected.getMessage().lines().findFirst().orElse("rejected by the registry"));
            reasons.addAll(rejected.errors());
            return new PushedSkill(candidate.path(), candidate.ref(), PushedSkill.Outcome.SKIPPED, Optional.empty(),
                    Optional.empty(), candidate.taxonomyPath(), candidate.warnings(), reasons);
        }
    }

    /**
     * A skill's publication decided against what is stored: done already (unchanged, or a dry run), or a request
     * to publish and the outcome to report once it is published.
     */
    private record Plan(Candidate candidate, Optional<PushedSkill> done, Optional<PublishRequest> request,
            PushedSkill.Outcome outcome, Optional<String> latest) {
    }

    private static Plan plan(Candidate candidate, PublishedSkill stored, PushOptions options) {
        SkillRef ref = candidate.ref().orElseThrow();
        List<VersionInfo> published = stored.versions();
        Optional<String> latest = published.stream().findFirst().map(VersionInfo::version);
        if (sameContent(candidate, published) && !options.force()) {
            PushedSkill unchanged = entry(candidate, PushedSkill.Outcome.UNCHANGED, latest, latest);
            return done(candidate, movedWarning(candidate, ref, stored)
                    .map(warning -> withWarning(unchanged, warning)).orElse(unchanged));
        }
        // a race made the content differ from what was read up front: the folder's bytes are needed now
        Bundle bundle = candidate.bundle().orElseThrow(() -> new IllegalStateException(
                "the push of " + ref + " lost a race; push again"));
        String version = VersionChoice.next(candidate.declaredVersion(), published);
        PushedSkill.Outcome outcome = published.isEmpty() ? PushedSkill.Outcome.ADDED : PushedSkill.Outcome.UPDATED;
        if (options.dryRun()) {
            return done(candidate, entry(candidate, outcome, Optional.of(version), latest));
        }
        PublishRequest request = new PublishRequest(ref, version, candidate.document().orElseThrow(), bundle,
                candidate.taxonomyPath(), candidate.document().orElseThrow().frontmatter().tags(), Optional.empty(),
                Optional.empty(), Optional.empty());
        return new Plan(candidate, Optional.empty(), Optional.of(request), outcome, latest);
    }

    private static Plan done(Candidate candidate, PushedSkill entry) {
        return new Plan(candidate, Optional.of(entry), Optional.empty(), entry.outcome(), Optional.empty());
    }

    private PushedSkill publishOnce(Plan plan) {
        return plan.done().orElseGet(() -> reported(plan, registry.publish(plan.request().orElseThrow())));
    }

    private static PushedSkill reported(Plan plan, PublishResult result) {
        if (result.outcome() == PublishResult.Outcome.UNCHANGED) {
            // a concurrent push published this very version with this very content first
            return entry(plan.candidate(), PushedSkill.Outcome.UNCHANGED, Optional.of(result.version()),
                    plan.latest());
        }
        return entry(plan.candidate(), plan.outcome(), Optional.of(result.version()), plan.latest());
    }

    /**
     * The skills waiting to be published together: up to {@link #BATCH_SKILLS} of them, or as many as were planned
     * within {@link #BATCH_NANOS} of the first, so that a push killed half-way loses little work.
     */
    private final class Batch {
        private final List<Integer> positions = new ArrayList<>();
        private final List<Plan> plans = new ArrayList<>();
        private long started;

        /** Adds a plan with a request; true when the batch is now full and should be published. */
        boolean add(int position, Plan plan) {
            if (plans.isEmpty()) {
                started = System.nanoTime();
            }
            positions.add(position);
            plans.add(plan);
            return plans.size() >= BATCH_SKILLS || System.nanoTime() - started >= BATCH_NANOS;
        }

        /** Publishes the waiting skills and records what became of each at its position in {@code pushed}. */
        void publish(PushedSkill[] pushed, PushOptions options) {
            if (plans.isEmpty()) {
                return;
            }
            List<PublishAttempt> attempts = registry.publishAll(plans.stream()
                    .map(plan -> plan.request().orElseThrow()).toList());
            for (int i = 0; i < plans.size(); i++) {
                pushed[positions.get(i)] = published(plans.get(i), attempts.get(i), options);
            }
            positions.clear();
            plans.clear();
        }
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
