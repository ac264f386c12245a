package dev.skillbase.install;

import dev.skillbase.registry.SkillRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code update}, {@code outdated} and {@code verify} over one scope's lockfile. Updates stay within each skill's
 * requested range and never overwrite a copy edited since it was installed unless forced.
 */
public final class Maintenance {
    private final Workspace workspace;
    private final Installer installer;
    private final Copies copies;

    public Maintenance(Workspace workspace, Installer installer) {
        this.workspace = workspace;
        this.installer = installer;
        this.copies = new Copies(workspace);
    }

    /** A skill that could move: from the locked version to the one its range allows now, and the newest there is. */
    public record Move(String name, String source, String requested, String current, String wanted, String latest) {
        public boolean movable() {
            return !wanted.equals(current);
        }
    }

    /** One skill whose installed copies differ from the lockfile, and how. */
    public record Drift(String name, List<String> problems) {
        public Drift {
            problems = List.copyOf(problems);
        }
    }

    /** Every locked skill (or the ones named) with what it could move to; skills from folders and indexes too. */
    public List<Move> outdated(List<String> names) {
        Lockfile lock = workspace.lock();
        List<Move> moves = new ArrayList<>();
        for (String name : selected(lock, names)) {
            LockEntry entry = lock.entry(name).orElseThrow();
            moves.add(move(name, entry));
        }
        return moves;
    }

    private Move move(String name, LockEntry entry) {
        if (entry.kind().equals(LockEntry.REGISTRY)) {
            String[] parts = entry.source().split("/", 2);
            SkillRef ref = new SkillRef(parts[0], parts[1]);
            String wanted = installer.fetcher().resolve(ref, entry.requested());
            String latest = installer.fetcher().resolve(ref, VersionResolver.LATEST);
            return new Move(name, entry.source(), entry.requested(), entry.version(), wanted, latest);
        }
        Fetched now = installer.fetchLocked(name, entry);
        String wanted = now.contentDigest().equals(entry.contentDigest()) ? entry.version()
                : now.version().equals(entry.version()) ? now.version() + " (changed)" : now.version();
        return new Move(name, entry.source(), entry.requested(), entry.version(), wanted, wanted);
    }

    /**
     * Moves the named skills (all when none is named) to the newest version their range allows. Every copy is
     * checked for local edits before anything is written.
     *
     * @return the moves made (or, with {@code dryRun}, the moves that would be made)
     * @throws InstallConflictException naming the edited files when a copy was edited and {@code force} is off
     */
    public List<Move> update(List<String> names, boolean dryRun, boolean force) {
        workspace.recover();
        Lockfile lock = workspace.lock();
        List<Move> moves = outdated(names).stream().filter(Move::movable).toList();
        if (dryRun || moves.isEmpty()) {
            return moves;
        }
        if (!force) {
            List<String> edits = new ArrayList<>();
            for (Move move : moves) {
                copies.localEdits(move.name(), lock.entry(move.name()).orElseThrow())
                        .forEach(edit -> edits.add(move.name() + ": " + edit));
            }
            if (!edits.isEmpty()) {
                throw new InstallConflictException("refusing to update copies edited since they were installed; "
                        + "these files differ from the lockfile:\n  " + String.join("\n  ", edits)
                        + "\npass --force to overwrite them");
            }
        }
        Lockfile next = lock;
        for (Move move : moves) {
            LockEntry entry = lock.entry(move.name()).orElseThrow();
            Fetched fetched = fetchNew(move, entry);
            LockEntry updated = new LockEntry(entry.kind(), entry.source(), entry.requested(), fetched.version(),
                    fetched.contentDigest(), fetched.archiveDigest(), fetched.fileDigests(), entry.agents(),
                    entry.scope(), entry.copy(), java.time.Instant.now().truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS).toString());
            copies.place(move.name(), fetched, updated);
            next = next.with(move.name(), updated);
            next.write(workspace.lockPath());
        }
        return moves;
    }

    private Fetched fetchNew(Move move, LockEntry entry) {
        return switch (entry.kind()) {
            case LockEntry.REGISTRY -> {
                String[] parts = entry.source().split("/", 2);
                yield installer.fetcher().exact(new SkillRef(parts[0], parts[1]), entry.requested(), move.wanted());
            }
            case LockEntry.INDEX -> {
                int hash = entry.source().lastIndexOf('#');
                yield installer.fetcher().fromIndex(URI.create(entry.source().substring(0, hash)),
                        entry.source().substring(hash + 1)).getFirst();
            }
            default -> installer.fetcher().fromFolder(installer.folder(entry));
        };
    }

    /** Every locked skill whose copies differ from the lockfile; empty when all is as locked. */
    public List<Drift> verify() {
        Lockfile lock = workspace.lock();
        List<Drift> drifts = new ArrayList<>();
        for (Map.Entry<String, LockEntry> e : lock.skills().entrySet()) {
            List<String> problems = copies.drift(e.getKey(), e.getValue());
            if (!problems.isEmpty()) {
                drifts.add(new Drift(e.getKey(), problems));
            }
        }
        return drifts;
    }

    private static List<String> selected(Lockfile lock, List<String> names) {
        if (names.isEmpty()) {
            return List.copyOf(lock.skills().keySet());
        }
        List<String> unknown = names.stream().filter(n -> lock.entry(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new SourceNotFoundException("not installed: " + String.join(", ", unknown)
                    + (lock.skills().isEmpty() ? "" : "; installed: " + String.join(", ", lock.skills().keySet())));
        }
        return names;
    }
}
