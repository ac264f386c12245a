package dev.skillbase.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The skills in every agent's folders, project and global: the ones skillbase installed (with their lock entry)
 * and the ones other tools put there (unmanaged). A skill is a folder (or a link to one) holding a {@code SKILL.md}.
 */
public final class InstalledSkills {
    private InstalledSkills() {
    }

    /** One skill folder seen in one scope, with the agents whose folders hold it. */
    public record Seen(String name, String scope, boolean managed, Optional<String> version, Optional<String> source,
            List<String> agents, List<String> paths) {
    }

    public static List<Seen> scan(AgentCatalog catalog, Places places) {
        List<Seen> seen = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            Workspace workspace = new Workspace(catalog, places, scope, Checkpoint.NONE);
            Lockfile lock = workspace.lock();
            Map<String, List<String>> agents = new TreeMap<>();
            Map<String, List<String>> paths = new TreeMap<>();
            for (Agent agent : catalog.all()) {
                Path dir = places.skillsDir(agent, scope);
                for (String name : skillNames(dir)) {
                    agents.computeIfAbsent(name, n -> new ArrayList<>()).add(agent.id());
                    List<String> where = paths.computeIfAbsent(name, n -> new ArrayList<>());
                    String path = dir.resolve(name).toString();
                    if (!where.contains(path)) {
                        where.add(path);
                    }
                }
            }
            for (var e : agents.entrySet()) {
                Optional<LockEntry> entry = lock.entry(e.getKey());
                seen.add(new Seen(e.getKey(), scope.word(), entry.isPresent(), entry.map(LockEntry::version),
                        entry.map(LockEntry::source), e.getValue(), paths.get(e.getKey())));
            }
        }
        return seen;
    }

    private static List<String> skillNames(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve("SKILL.md")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new InstallIoException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
