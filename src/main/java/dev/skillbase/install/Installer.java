package dev.skillbase.install;

import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code install}, {@code install} from the lockfile, and {@code uninstall} in one scope. Every skill is fetched and
 * verified in memory first, every conflict checked, and only then is anything written; the lockfile is written last.
 */
public final class Installer implements AutoCloseable {
    private final Workspace workspace;
    private final Copies copies;
    private final Fetcher fetcher;
    private final Clock clock;

    /** What the command line asked for besides the sources. */
    public record Options(List<String> agents, boolean copy, Optional<String> as, boolean force, boolean frozen) {
        public Options {
            agents = List.copyOf(agents);
        }
    }

    /** One skill's outcome: {@code installed}, {@code updated}, {@code unchanged} or {@code restored}. */
    public record Outcome(String name, String outcome, String source, String version, List<String> agents) {
    }

    public Installer(Workspace workspace, Supplier<Registry> registry, Clock clock) {
        this.workspace = workspace;
        this.copies = new Copies(workspace);
        this.fetcher = new Fetcher(registry);
        this.clock = clock;
    }

    Fetcher fetcher() {
        return fetcher;
    }

    /** Installs the skills {@code sources} name and records them in the lockfile. */
    public List<Outcome> install(List<InstallSource> sources, Options options) {
        workspace.recover();
        Lockfile lock = workspace.lock();
        List<Fetched> fetched = new ArrayList<>();
        for (InstallSource source : sources) {
            fetched.addAll(fetcher.fetch(source));
        }
        if (options.as().isPresent()) {
            if (fetched.size() != 1) {
                throw new InstallConflictException("--as names one skill, but the sources hold " + fetched.size());
            }
            fetched = List.of(fetched.getFirst().named(dev.skillbase.skill.SkillName.parse(options.as().get())
                    .toString()));
        }
        Map<String, LockEntry> planned = plan(fetched, lock, options);
        Lockfile next = lock;
        for (var e : planned.entrySet()) {
            next = next.with(e.getKey(), e.getValue());
        }
        if (options.frozen() && !next.sameAs(lock)) {
            throw new InstallConflictException("--frozen: the lockfile " + workspace.lockPath() + " would change ("
                    + String.join(", ", changed(lock, next)) + "); run install without --frozen and commit the lockfile");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Fetched skill : fetched) {
            LockEntry entry = planned.get(skill.name());
            Optional<LockEntry> before = lock.entry(skill.name());
            boolean same = before.isPresent() && before.get().sameAs(entry) && copies.drift(skill.name(), entry).isEmpty();
            if (!same) {
                copies.place(skill.name(), skill, entry);
            }
            outcomes.add(new Outcome(skill.name(), same ? "unchanged" : before.isPresent() ? "updated" : "installed",
                    entry.source(), entry.version(), entry.agents()));
        }
        next.write(workspace.lockPath());
        return outcomes;
    }

    private Map<String, LockEntry> plan(List<Fetched> fetched, Lockfile lock, Options options) {
        Map<String, LockEntry> planned = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Fetched skill : fetched) {
            String name = skill.name();
            String source = sourceText(skill);
            String earlier = sources.putIfAbsent(name, source);
            if (earlier != null && !earlier.equals(source)) {
                throw new InstallConflictException("two sources hold a skill named " + name + " (" + earlier + " and "
                        + source + "): install one of them under another name with --as NAME");
            }
            Optional<LockEntry> existing = lock.entry(name);
            if (existing.isPresent() && !existing.get().source().equals(source)) {
                throw new InstallConflictException("a skill named " + name + " is already installed from "
                        + existing.get().source() + "; install " + source + " under another name with --as NAME, "
                        + "or uninstall " + name + " first");
            }
            List<String> agents = agents(options, existing);
            if (existing.isEmpty() && !options.force()) {
                refuseUnmanaged(name, agents);
            }
            if (existing.isPresent() && !options.force()) {
                refuseEdited(name, existing.get());
            }
            String installedAt = existing.filter(e -> e.contentDigest().equals(skill.contentDigest()))
                    .map(LockEntry::installedAt).orElseGet(this::now);
            planned.put(name, new LockEntry(skill.kind(), source, skill.requested(), skill.version(),
                    skill.contentDigest(), skill.archiveDigest(), skill.fileDigests(), agents, workspace.scope().word(),
                    options.copy() || existing.map(LockEntry::copy).orElse(false), installedAt));
        }
        return planned;
    }

    private List<String> agents(Options options, Optional<LockEntry> existing) {
        Set<String> agents = new LinkedHashSet<>(existing.map(LockEntry::agents).orElse(List.of()));
        if (!options.agents().isEmpty()) {
            workspace.catalog().select(options.agents()).forEach(a -> agents.add(a.id()));
        } else if (agents.isEmpty()) {
            workspace.catalog().all().stream().filter(a -> workspace.places().detectedInProject(a)
                    || workspace.places().detectedInHome(a)).forEach(a -> agents.add(a.id()));
            if (agents.isEmpty()) {
                throw new NoAgentException("no agent detected in " + workspace.places().project() + " or "
                        + workspace.places().home() + ": name them with --agent a,b (or --all-agents); "
                        + "skillbase agents lists them");
            }
        }
        return List.copyOf(agents);
    }

    /** Refuses to replace a folder (or link) another tool put where this install would write. */
    private void refuseUnmanaged(String name, List<String> agents) {
        List<Path> places = new ArrayList<>(workspace.targets(name, agents));
        places.addFirst(workspace.canonical(name));
        for (Path target : places) {
            if (Workspace.exists(target)) {
                throw new InstallConflictException(target + " exists and was not installed by skillbase: "
                        + "remove it, install under another name with --as NAME, or pass --force to replace it");
            }
        }
    }

    private void refuseEdited(String name, LockEntry entry) {
        List<String> edits = copies.localEdits(name, entry);
        if (!edits.isEmpty()) {
            throw new InstallConflictException(name + " was edited since it was installed; these files differ "
                    + "from the lockfile:\n  " + String.join("\n  ", edits)
                    + "\npass --force to overwrite them, or move your changes elsewhere first");
        }
    }

    /** The lockfile's source text: a registry reference, a folder (relative to the project when inside it), a URL. */
    private String sourceText(Fetched skill) {
        if (!skill.kind().equals(LockEntry.FOLDER)) {
            return skill.source();
        }
        Path dir = Path.of(skill.source());
        Path project = workspace.places().project();
        return workspace.scope() == Scope.PROJECT && dir.startsWith(project)
                ? "./" + project.relativize(dir).toString().replace('\\', '/') : dir.toString();
    }

    /**
     * Installs exactly what the lockfile records: a copy that is intact stays; a missing or damaged one is fetched
     * again at the locked version and must have the locked digest. The lockfile itself never changes.
     */
    public List<Outcome> installLocked(boolean force) {
        workspace.recover();
        Lockfile lock = workspace.lock();
        List<Outcome> outcomes = new ArrayList<>();
        for (var e : lock.skills().entrySet()) {
            String name = e.getKey();
            LockEntry entry = e.getValue();
            if (copies.drift(name, entry).isEmpty()) {
                outcomes.add(new Outcome(name, "unchanged", entry.source(), entry.version(), entry.agents()));
                continue;
            }
            if (!force) {
                refuseEdited(name, entry);
            }
            Fetched fetched = fetchLocked(name, entry);
            if (!fetched.contentDigest().equals(entry.contentDigest())) {
                throw new DigestMismatchException(name + " from " + entry.source() + " at " + entry.version(),
                        entry.contentDigest(), fetched.contentDigest());
            }
            copies.place(name, fetched, entry);
            outcomes.add(new Outcome(name, "restored", entry.source(), entry.version(), entry.agents()));
        }
        return outcomes;
    }

    /** The locked version of an entry, from its source. */
    Fetched fetchLocked(String name, LockEntry entry) {
        return switch (entry.kind()) {
            case LockEntry.REGISTRY -> {
                String[] parts = entry.source().split("/", 2);
                yield fetcher.exact(new SkillRef(parts[0], parts[1]), entry.requested(), entry.version());
            }
            case LockEntry.FOLDER -> fetcher.fromFolder(folder(entry));
            case LockEntry.INDEX -> {
                int hash = entry.source().lastIndexOf('#');
                yield fetcher.fromIndex(URI.create(entry.source().substring(0, hash)),
                        entry.source().substring(hash + 1)).getFirst();
            }
            default -> throw new LockfileException("the lockfile " + workspace.lockPath() + " has an entry " + name
                    + " of unknown kind " + entry.kind());
        };
    }

    Path folder(LockEntry entry) {
        return entry.source().startsWith("./") ? workspace.places().project().resolve(entry.source().substring(2))
                : Path.of(entry.source());
    }

    /**
     * Removes skills: their agents' links and copies, the canonical copy, and the lock entries.
     *
     * @throws SourceNotFoundException naming every name the lockfile does not hold (nothing is removed)
     */
    public List<Outcome> uninstall(List<String> names) {
        workspace.recover();
        Lockfile lock = workspace.lock();
        List<String> unknown = names.stream().filter(n -> lock.entry(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new SourceNotFoundException("not installed (" + workspace.scope().word() + "): "
                    + String.join(", ", unknown) + (lock.skills().isEmpty() ? ""
                            : "; installed: " + String.join(", ", lock.skills().keySet())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        Lockfile next = lock;
        for (String name : names) {
            LockEntry entry = lock.entry(name).orElseThrow();
            copies.remove(name, entry);
            next = next.without(name);
            next.write(workspace.lockPath());
            outcomes.add(new Outcome(name, "uninstalled", entry.source(), entry.version(), entry.agents()));
        }
        return outcomes;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<String> changed(Lockfile before, Lockfile after) {
        List<String> names = new ArrayList<>();
        after.skills().forEach((name, entry) -> {
            if (before.entry(name).map(e -> !e.sameAs(entry)).orElse(true)) {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
