package dev.skillbase.sync;

import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillHead;
import dev.skillbase.skill.ArchiveLimits;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleException;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillScanner;
import dev.skillbase.skill.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a folder of skills and a registry namespace in step: {@link #pull} writes the registry's skills into the
 * folder, {@link #sync} also pushes what changed in the folder, both by a three-way comparison with the state of the
 * last sync ({@link SyncPlanner}).
 *
 * <p>Every skill is one step: a push is one transaction in the registry (through {@link Push}), a pull replaces a
 * skill folder whole ({@link SyncFolder}). The state is written once at the end when it changed, also when a step
 * failed; a process killed before that leaves a state that is behind, and the next run converges anyway: a skill
 * whose two sides hold the same content is recorded as unchanged, whatever the state said. Not thread-safe; the
 * folder's lock keeps other processes out.
 */
public final class Sync {
    private final Registry registry;
    private final SkillFolders folders;
    private final Push push;
    private final ArchiveReader archives = new ArchiveReader(ArchiveLimits.DEFAULT);

    /**
     * @param registry where the namespace is; on a dry run only read
     * @param validator a lenient validator
     */
    public Sync(Registry registry, Validator validator) {
        this.registry = registry;
        this.folders = new SkillFolders(validator);
        this.push = new Push(registry, validator);
    }

    /**
     * Three-way sync of {@code dir} (which must exist) with the namespace.
     *
     * @param progress told of each skill as it is done (from several threads, one call at a time)
     * @throws SyncFolderException when the folder is missing, a file, a skill folder itself, or cannot be written
     */
    public SyncReport sync(Path dir, SyncOptions options, Consumer<SyncedSkill> progress) {
        return run(dir, SyncPlanner.Mode.SYNC, options, progress);
    }

    /** Writes the namespace's skills into {@code dir} (created when missing); never pushes nor deletes. */
    public SyncReport pull(Path dir, SyncOptions options, Consumer<SyncedSkill> progress) {
        return run(dir, SyncPlanner.Mode.PULL, options, progress);
    }

    private SyncReport run(Path dir, SyncPlanner.Mode mode, SyncOptions options, Consumer<SyncedSkill> progress) {
        Path root = dir.toAbsolutePath().normalize();
        check(root, mode, options.dryRun());
        Consumer<SyncedSkill> oneAtATime = skill -> {
            synchronized (progress) {
                progress.accept(skill);
            }
        };
        if (options.dryRun()) {
            Plan plan = plan(root, mode, options);
            plan.reported().forEach(oneAtATime);
            return new SyncReport(root, options.namespace(), true, plan.reported());
        }
        try (SyncFolder folder = SyncFolder.open(root)) {
            Plan plan = plan(root, mode, options);
            Map<String, SyncState.Entry> next = new ConcurrentHashMap<>(plan.base());
            List<SyncedSkill> done = Collections.synchronizedList(new ArrayList<>(plan.unnamed()));
            plan.unnamed().forEach(oneAtATime);
            Steps steps = new Steps(folder, options, next);
            Consumer<SyncPlanner.Step> run = step -> {
                SyncedSkill result = steps.run(step);
                done.add(result);
                oneAtATime.accept(result);
            };
            try {
                Ordered ordered = Ordered.of(plan.steps());
                ordered.independent().parallelStream().forEach(run);
                ordered.nested().forEach(run);
            } catch (RuntimeException failure) {
                try {
                    folder.writeState(state(options, next));
                } catch (RuntimeException stateFailure) {
                    failure.addSuppressed(stateFailure);
                }
                throw failure;
            }
            if (!next.equals(plan.base()) || !plan.stateBelongs()) {
                folder.writeState(state(options, next));
            }
            return new SyncReport(root, options.namespace(), false, done);
        }
    }

    /**
     * A skill folder inside another one is also part of the outer skill's files: steps that write such folders run
     * one at a time, outer folders first, after the others have run in parallel.
     */
    private record Ordered(List<SyncPlanner.Step> independent, List<SyncPlanner.Step> nested) {
        static Ordered of(List<SyncPlanner.Step> steps) {
            List<Path> targets = steps.stream().filter(step -> step.planned().action().writes())
                    .map(SyncPlanner.Step::target).sorted().toList();
            List<SyncPlanner.Step> independent = new ArrayList<>();
            List<SyncPlanner.Step> nested = new ArrayList<>();
            for (SyncPlanner.Step step : steps) {
                boolean overlaps = step.planned().action().writes() && targets.stream().anyMatch(other ->
                        !other.equals(step.target()) && (other.startsWith(step.target())
                                || step.target().startsWith(other)));
                (overlaps ? nested : independent).add(step);
            }
            nested.sort(java.util.Comparator.comparingInt((SyncPlanner.Step step) -> step.target().getNameCount())
                    .thenComparing(SyncPlanner.Step::target));
            return new Ordered(independent, nested);
        }
    }

    private static SyncState state(SyncOptions options, Map<String, SyncState.Entry> entries) {
        return new SyncState(SyncState.FORMAT, options.remote(), options.namespace(), entries);
    }

    private static void check(Path root, SyncPlanner.Mode mode, boolean dryRun) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new SyncFolderException(root + " is a file, not a folder");
        }
        if (!Files.exists(root)) {
            if (mode == SyncPlanner.Mode.SYNC) {
                throw new SyncFolderException("the folder " + root + " does not exist: pull into it first, or "
                        + "create it");
            }
            if (!dryRun) {
                try {
                    Files.createDirectories(root);
                } catch (IOException e) {
                    throw new SyncFolderException("cannot create the folder " + root + ": " + e, e);
                }
            }
        }
        if (Files.isRegularFile(root.resolve("SKILL.md")) || Files.isRegularFile(root.resolve("skill.md"))) {
            throw new SyncFolderException(root + " is itself a skill folder: pull and sync work on a folder of "
                    + "skill folders (give its parent)");
        }
    }

    /**
     * @param base the state of the last sync with this registry and namespace
     * @param unnamed folders that cannot be read and whose skill is not known: reported, never acted on
     */
    private record Plan(List<SyncPlanner.Step> steps, Map<String, SyncState.Entry> base, boolean stateBelongs,
            List<SyncedSkill> unnamed) {
        List<SyncedSkill> reported() {
            List<SyncedSkill> all = new ArrayList<>(unnamed);
            steps.forEach(step -> all.add(step.planned()));
            return all;
        }
    }

    private Plan plan(Path root, SyncPlanner.Mode mode, SyncOptions options) {
        Optional<SyncState> state = SyncFolder.readState(root)
                .filter(recorded -> recorded.belongsTo(options.remote(), options.namespace()));
        Map<String, SyncState.Entry> base = state.map(SyncState::skills).orElse(Map.of());
        Map<String, String> nameByPath = new HashMap<>();
        base.forEach((name, entry) -> nameByPath.put(entry.path(), name));
        Map<String, LocalSkill> locals = new LinkedHashMap<>();
        Map<String, Candidate> unreadable = new LinkedHashMap<>();
        List<SyncedSkill> unnamed = new ArrayList<>();
        Local local = local(root, options.namespace(), base, nameByPath);
        local.unchanged().forEach(skill -> locals.put(skill.name(), skill));
        for (Candidate candidate : local.read()) {
            Optional<String> name = candidate.ref().map(ref -> ref.name())
                    .or(() -> Optional.ofNullable(nameByPath.get(candidate.path())));
            if (candidate.publishable() && !locals.containsKey(name.orElseThrow())) {
                locals.put(name.get(), new LocalSkill(name.get(), candidate.path(),
                        candidate.bundle().orElseThrow().contentDigest(), local.stamps().get(candidate.path()),
                        Optional.of(candidate)));
            } else if (name.isPresent()) {
                unreadable.putIfAbsent(name.get(), candidate.publishable() ? candidate.conflicting("name: "
                        + candidate.ref().orElseThrow() + " is also the name of " + locals.get(name.get()).path()
                        + " here") : candidate);
            } else if (mode == SyncPlanner.Mode.SYNC) {
                unnamed.add(new SyncedSkill(Optional.empty(), candidate.path(), SyncAction.SKIPPED, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), candidate.reasons()));
            }
        }
        Map<String, SkillHead> remotes = registry.heads(options.namespace()).stream()
                .collect(Collectors.toMap(head -> head.ref().name(), Function.identity()));
        List<SyncPlanner.Step> steps = new SyncPlanner(root, mode, options, locals, unreadable, remotes, base).plan();
        return new Plan(steps, base, state.isPresent(), unnamed);
    }

    /**
     * The folder's skills: those whose stamp is the one the state recorded (taken as unchanged, not read), and the
     * others, read and validated.
     *
     * @param stamps every skill folder's stamp, by path, taken before anything was read
     */
    private record Local(List<LocalSkill> unchanged, List<Candidate> read, Map<String, String> stamps) {
    }

    private Local local(Path root, String namespace, Map<String, SyncState.Entry> base,
            Map<String, String> nameByPath) {
        if (!Files.isDirectory(root)) {
            return new Local(List.of(), List.of(), Map.of());
        }
        List<Path> dirs = SkillScanner.find(root);
        Map<String, String> stamps = new ConcurrentHashMap<>();
        dirs.parallelStream().forEach(dir -> stamps.put(TaxonomyPath.of(root, dir), FolderStamp.of(dir)));
        List<LocalSkill> unchanged = new ArrayList<>();
        List<Path> changed = new ArrayList<>();
        for (Path dir : dirs) {
            String path = TaxonomyPath.of(root, dir);
            String stamp = stamps.get(path);
            Optional<String> name = Optional.ofNullable(nameByPath.get(path));
            Optional<SyncState.Entry> entry = name.map(base::get).filter(e -> stamp.equals(e.stamp()));
            if (entry.isPresent()) {
                unchanged.add(new LocalSkill(name.get(), path, entry.get().localDigest(), stamp, Optional.empty()));
            } else {
                changed.add(dir);
            }
        }
        return new Local(unchanged, changed.isEmpty() ? List.of() : folders.read(root, changed, namespace), stamps);
    }

    /** Runs the steps of one pull or sync, recording each outcome in the next state. */
    private final class Steps {
        private final SyncFolder folder;
        private final SyncOptions options;
        private final Map<String, SyncState.Entry> next;

        Steps(SyncFolder folder, SyncOptions options, Map<String, SyncState.Entry> next) {
            this.folder = folder;
            this.options = options;
            this.next = next;
        }

        SyncedSkill run(SyncPlanner.Step step) {
            SyncedSkill planned = step.planned();
            String name = planned.name().orElseThrow();
            return switch (planned.action()) {
                case UNCHANGED -> {
                    SkillHead remote = step.remote().orElseThrow();
                    next.put(name, new SyncState.Entry(planned.path(), remote.version(),
                            planned.localDigest().orElseThrow(), remote.contentDigest(),
                            step.local().orElseThrow().stamp()));
                    yield planned;
                }
                case PUSH -> push(step, name);
                case PULL -> pull(step, name);
                case DELETE_LOCAL -> {
                    folder.remove(step.target());
                    next.remove(name);
                    yield planned;
                }
                case DELETE_REMOTE -> {
                    registry.archiveSkill(step.remote().orElseThrow().ref());
                    next.remove(name);
                    yield planned;
                }
                default -> {
                    if (step.forget()) {
                        next.remove(name);
                    }
                    yield planned;
                }
            };
        }

        private SyncedSkill push(SyncPlanner.Step step, String name) {
            LocalSkill skill = step.local().orElseThrow();
            Candidate local = skill.candidate().orElseThrow();
            PushedSkill pushed = push.publish(local, new PushOptions(options.namespace(), false, false));
            if (pushed.failed()) {
                SyncAction action = pushed.outcome() == PushedSkill.Outcome.CONFLICT ? SyncAction.CONFLICT
                        : SyncAction.SKIPPED;
                return step.planned().with(action, Optional.empty(), pushed.reasons());
            }
            String digest = local.bundle().orElseThrow().contentDigest();
            String version = pushed.version().orElseThrow();
            next.put(name, new SyncState.Entry(local.path(), version, digest, digest, skill.stamp()));
            return step.planned().with(SyncAction.PUSH, Optional.of(version), step.planned().reasons());
        }

        private SyncedSkill pull(SyncPlanner.Step step, String name) {
            SkillHead remote = step.remote().orElseThrow();
            if (step.local().isEmpty() && Files.exists(step.target())) {
                // an outer skill pulled just before brought this folder along with its own files
                String stamp = FolderStamp.of(step.target());
                if (digestOf(step.target()).filter(remote.contentDigest()::equals).isPresent()) {
                    next.put(name, new SyncState.Entry(step.planned().path(), remote.version(),
                            remote.contentDigest(), remote.contentDigest(), stamp));
                    return step.planned().with(SyncAction.UNCHANGED, Optional.of(remote.version()), List.of());
                }
                return step.planned().with(SyncAction.CONFLICT, Optional.empty(), List.of("its folder "
                        + step.planned().path() + " was filled by another skill's files meanwhile: nothing was "
                        + "overwritten"));
            }
            Optional<byte[]> archive = registry.archive(remote.ref(), remote.version());
            if (archive.isEmpty()) {
                return step.planned().with(SyncAction.SKIPPED, Optional.empty(), List.of("the registry no longer "
                        + "has " + remote.ref() + "@" + remote.version() + ": run again"));
            }
            Bundle bundle;
            try {
                bundle = archives.read(archive.get());
            } catch (BundleException | IllegalArgumentException e) {
                return step.planned().with(SyncAction.SKIPPED, Optional.empty(), List.of("the archive of "
                        + remote.ref() + "@" + remote.version() + " cannot be read: " + e.getMessage()));
            }
            if (!bundle.contentDigest().equals(remote.contentDigest())) {
                return step.planned().with(SyncAction.SKIPPED, Optional.empty(), List.of("the archive of "
                        + remote.ref() + "@" + remote.version() + " holds " + bundle.contentDigest()
                        + ", not the " + remote.contentDigest() + " the registry lists: nothing was written"));
            }
            folder.replace(step.target(), bundle, step.local().isEmpty());
            next.put(name, new SyncState.Entry(step.planned().path(), remote.version(), remote.contentDigest(),
                    remote.contentDigest(), FolderStamp.of(step.target())));
            return step.planned().with(SyncAction.PULL, Optional.of(remote.version()), step.planned().reasons());
        }

        private Optional<String> digestOf(Path dir) {
            try {
                return Optional.of(Bundle.read(dir, BundleLimits.DEFAULT).contentDigest());
            } catch (BundleException e) {
                return Optional.empty();
            }
        }
    }
}
