package dev.skillbase.sync;

import dev.skillbase.registry.SkillHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The three-way comparison: per skill name, the folder's copy, the registry's latest version and the state of the
 * last sync decide the action (see {@link SyncAction}). Pure apart from checking whether a folder a new skill would
 * land in is already taken.
 */
final class SyncPlanner {
    enum Mode {
        PULL,
        SYNC
    }

    /**
     * One planned action with what it needs to run.
     *
     * @param target the skill's folder, absolute
     * @param forget drop the skill from the state (it is gone from both sides)
     */
    record Step(SyncedSkill planned, Optional<LocalSkill> local, Optional<SkillHead> remote, Path target,
            boolean forget) {
    }

    private final Path root;
    private final Mode mode;
    private final SyncOptions options;
    private final Map<String, LocalSkill> locals;
    private final Map<String, Candidate> unreadable;
    private final Map<String, SkillHead> remotes;
    private final Map<String, SyncState.Entry> base;
    private final Set<String> claimed = new HashSet<>();

    SyncPlanner(Path root, Mode mode, SyncOptions options, Map<String, LocalSkill> locals,
            Map<String, Candidate> unreadable, Map<String, SkillHead> remotes, Map<String, SyncState.Entry> base) {
        this.root = root;
        this.mode = mode;
        this.options = options;
        this.locals = locals;
        this.unreadable = unreadable;
        this.remotes = remotes;
        this.base = base;
        locals.values().forEach(local -> claimed.add(local.path()));
        unreadable.values().forEach(candidate -> claimed.add(candidate.path()));
    }

    List<Step> plan() {
        Set<String> names = new TreeSet<>();
        remotes.values().stream().filter(this::wanted).forEach(head -> names.add(head.ref().name()));
        if (mode == Mode.SYNC) {
            names.addAll(locals.keySet());
            names.addAll(base.keySet());
            names.addAll(unreadable.keySet());
        } else {
            base.keySet().stream().filter(locals::containsKey).filter(name -> live(name).isEmpty())
                    .forEach(names::add);
            unreadable.keySet().stream().filter(name -> live(name).isPresent()).forEach(names::add);
        }
        List<Step> steps = new ArrayList<>();
        for (String name : names) {
            plan(name).ifPresent(steps::add);
        }
        return steps;
    }

    /** The registry's copy, when it is there and not archived. */
    private Optional<SkillHead> live(String name) {
        return Optional.ofNullable(remotes.get(name)).filter(head -> !head.archived());
    }

    private boolean wanted(SkillHead head) {
        return options.statuses().contains(head.status()) && options.pathPrefix()
                .map(prefix -> head.taxonomyPath().equals(prefix) || head.taxonomyPath().startsWith(prefix + "/"))
                .orElse(true);
    }

    private Optional<Step> plan(String name) {
        Optional<LocalSkill> local = Optional.ofNullable(locals.get(name));
        Optional<SkillHead> remote = live(name).filter(this::wanted);
        Optional<SyncState.Entry> entry = Optional.ofNullable(base.get(name));
        Candidate broken = unreadable.get(name);
        if (broken != null) {
            return Optional.of(step(name, broken.path(), SyncAction.SKIPPED, Optional.empty(), remote, entry,
                    broken.reasons()));
        }
        if (local.isPresent() && remote.isPresent()) {
            return Optional.of(both(name, local.get(), remote.get(), entry));
        }
        if (local.isPresent()) {
            return Optional.of(onlyLocal(name, local.get(), entry));
        }
        if (remote.isPresent()) {
            return Optional.of(onlyRemote(name, remote.get(), entry));
        }
        return entry.map(e -> new Step(skill(name, e.path(), SyncAction.DELETED_REMOTELY, Optional.empty(),
                Optional.empty(), entry, List.of("deleted on both sides: no longer tracked")), Optional.empty(),
                Optional.empty(), root.resolve(e.path()), true));
    }

    private Step both(String name, LocalSkill local, SkillHead remote, Optional<SyncState.Entry> entry) {
        String localDigest = digest(local);
        String remoteDigest = remote.contentDigest();
        boolean localChanged = entry.map(e -> !e.localDigest().equals(localDigest)).orElse(true);
        boolean remoteChanged = entry.map(e -> !e.remoteDigest().equals(remoteDigest)).orElse(true);
        if (localDigest.equals(remoteDigest) || !localChanged && !remoteChanged) {
            return step(name, local, remote, entry, SyncAction.UNCHANGED, List.of());
        }
        if (entry.isPresent() && !remoteChanged) {
            return step(name, local, remote, entry, mode == Mode.SYNC ? SyncAction.PUSH : SyncAction.CHANGED_LOCALLY,
                    List.of());
        }
        if (entry.isPresent() && !localChanged) {
            return step(name, local, remote, entry, SyncAction.PULL, List.of());
        }
        String why = entry.isPresent()
                ? "changed on both sides since the last sync: here " + localDigest + ", in the registry "
                        + remoteDigest + " (both had " + entry.get().localDigest() + ")"
                : "differs from the registry and was never synced: here " + localDigest + ", in the registry "
                        + remoteDigest;
        return switch (options.prefer().orElse(null)) {
            case LOCAL -> step(name, local, remote, entry, SyncAction.PUSH, List.of(why + "; --prefer local"));
            case REMOTE -> step(name, local, remote, entry, SyncAction.PULL, List.of(why + "; --prefer remote"));
            case null -> step(name, local, remote, entry, SyncAction.CONFLICT, List.of(why + ": nothing was "
                    + "overwritten; edit one side to match, or sync with --prefer local or --prefer remote"));
        };
    }

    private Step onlyLocal(String name, LocalSkill local, Optional<SyncState.Entry> entry) {
        Optional<SkillHead> archived = Optional.ofNullable(remotes.get(name)).filter(SkillHead::archived);
        if (entry.isEmpty()) {
            if (archived.isPresent()) {
                return step(name, local, Optional.empty(), entry, SyncAction.DELETED_REMOTELY, List.of(
                        "archived in the registry and never synced here: restore it there to sync it"));
            }
            return step(name, local, Optional.empty(), entry, SyncAction.PUSH, List.of());
        }
        boolean localChanged = !entry.get().localDigest().equals(digest(local));
        if (!localChanged || mode == Mode.PULL || options.prefer().orElse(null) == SyncOptions.Side.REMOTE) {
            if (mode == Mode.SYNC && options.prune()) {
                return step(name, local, Optional.empty(), entry, SyncAction.DELETE_LOCAL,
                        List.of("deleted in the registry since the last sync; --prune"));
            }
            return step(name, local, Optional.empty(), entry, SyncAction.DELETED_REMOTELY,
                    List.of("deleted in the registry since the last sync: kept here (sync --prune removes it)"));
        }
        return step(name, local, Optional.empty(), entry, SyncAction.CONFLICT, List.of("changed here ("
                + digest(local) + ") but deleted in the registry since the last sync: nothing was overwritten; "
                + "restore it in the registry to push it, or sync --prefer remote --prune to remove it here"));
    }

    private Step onlyRemote(String name, SkillHead remote, Optional<SyncState.Entry> entry) {
        if (entry.isEmpty() || mode == Mode.PULL) {
            return newPull(name, remote, entry, folderOf(remote), List.of());
        }
        boolean remoteChanged = !entry.get().remoteDigest().equals(remote.contentDigest());
        if (!remoteChanged || options.prefer().orElse(null) == SyncOptions.Side.LOCAL) {
            if (options.prune()) {
                return step(name, entry.get().path(), SyncAction.DELETE_REMOTE, Optional.empty(),
                        Optional.of(remote), entry, List.of("deleted here since the last sync; --prune"));
            }
            return step(name, entry.get().path(), SyncAction.DELETED_LOCALLY, Optional.empty(), Optional.of(remote),
                    entry, List.of("deleted here since the last sync: kept in the registry (sync --prune archives "
                            + "it)"));
        }
        if (options.prefer().orElse(null) == SyncOptions.Side.REMOTE) {
            return newPull(name, remote, entry, Optional.of(entry.get().path()), List.of("deleted here but changed "
                    + "in the registry since the last sync; --prefer remote"));
        }
        return step(name, entry.get().path(), SyncAction.CONFLICT, Optional.empty(), Optional.of(remote), entry,
                List.of("deleted here but changed in the registry (" + remote.contentDigest() + ") since the last "
                        + "sync: nothing was written; sync --prefer remote brings it back, --prefer local --prune "
                        + "archives it"));
    }

    /** A skill that is not in the folder: it lands in its taxonomy folder, unless that is taken. */
    private Step newPull(String name, SkillHead remote, Optional<SyncState.Entry> entry, Optional<String> folder,
            List<String> reasons) {
        if (folder.isEmpty()) {
            return step(name, remote.taxonomyPath(), SyncAction.SKIPPED, Optional.empty(), Optional.of(remote), entry,
                    List.of("its taxonomy path '" + remote.taxonomyPath() + "' is not a safe relative folder"));
        }
        String path = folder.get();
        if (claimed.contains(path) || occupied(root.resolve(path))) {
            return step(name, path, SyncAction.CONFLICT, Optional.empty(), Optional.of(remote), entry, List.of(
                    "its folder " + path + " is already taken here by files this sync does not manage: move them "
                            + "away to pull it"));
        }
        claimed.add(path);
        return step(name, path, SyncAction.PULL, Optional.empty(), Optional.of(remote), entry, reasons);
    }

    /** The folder a remote skill lands in: its taxonomy path, else its name; empty when the path is not safe. */
    static Optional<String> folderOf(SkillHead head) {
        String path = head.taxonomyPath().isEmpty() ? head.ref().name() : head.taxonomyPath();
        boolean safe = Stream.of(path.split("/", -1)).allMatch(part -> !part.isEmpty() && !part.equals(".")
                && !part.equals("..") && !part.startsWith(SyncFolder.NAME) && part.indexOf('\\') < 0
                && part.indexOf('\0') < 0);
        return safe ? Optional.of(path) : Optional.empty();
    }

    private static boolean occupied(Path folder) {
        if (!Files.exists(folder)) {
            return false;
        }
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(LocalSkill local) {
        return local.digest();
    }

    private Step step(String name, LocalSkill local, SkillHead remote, Optional<SyncState.Entry> entry,
            SyncAction action, List<String> reasons) {
        return step(name, local, Optional.of(remote), entry, action, reasons);
    }

    private Step step(String name, LocalSkill local, Optional<SkillHead> remote, Optional<SyncState.Entry> entry,
            SyncAction action, List<String> reasons) {
        return new Step(new SyncedSkill(Optional.of(name), local.path(), action, Optional.of(digest(local)),
                remote.map(SkillHead::contentDigest), entry.map(SyncState.Entry::remoteDigest),
                remote.map(SkillHead::version), reasons), Optional.of(local), remote, root.resolve(local.path()), false);
    }

    private Step step(String name, String path, SyncAction action, Optional<LocalSkill> local,
            Optional<SkillHead> remote, Optional<SyncState.Entry> entry, List<String> reasons) {
        return new Step(skill(name, path, action, local.map(LocalSkill::digest),
                remote.map(SkillHead::contentDigest), entry, reasons), local, remote, root.resolve(path), false);
    }

    private static SyncedSkill skill(String name, String path, SyncAction action, Optional<String> localDigest,
            Optional<String> remoteDigest, Optional<SyncState.Entry> entry, List<String> reasons) {
        return new SyncedSkill(Optional.of(name), path, action, localDigest, remoteDigest,
                entry.map(SyncState.Entry::remoteDigest), Optional.empty(), reasons);
    }
}
