package dev.skillbase.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Puts a fetched skill where its lock entry says, and tells how far what is on disk has drifted from the entry. */
final class Copies {
    private final Workspace workspace;

    Copies(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the canonical copy, then each agent's link (or copy). */
    void place(String name, Fetched fetched, LockEntry entry) {
        Path canonical = workspace.canonical(name);
        workspace.folders().writeFolder(canonical, fetched.bundle());
        for (Path target : workspace.targets(name, entry.agents())) {
            if (entry.copy()) {
                workspace.folders().writeFolder(target, fetched.bundle());
            } else {
                workspace.folders().writeLink(target, canonical);
            }
        }
    }

    /** Removes the canonical copy and every agent's link or copy. */
    void remove(String name, LockEntry entry) {
        for (Path target : workspace.targets(name, entry.agents())) {
            workspace.folders().remove(target, workspace.root(), workspace.agentFolders());
        }
        workspace.folders().remove(workspace.canonical(name), workspace.root(), workspace.agentFolders());
    }

    /** What differs between the disk and the entry: one line per missing folder, wrong link or changed file. */
    List<String> drift(String name, LockEntry entry) {
        List<String> problems = new ArrayList<>();
        Path canonical = workspace.canonical(name);
        problems.addAll(contentDrift(canonical, entry));
        for (Path target : workspace.targets(name, entry.agents())) {
            if (!Workspace.exists(target)) {
                problems.add(target + " is missing");
            } else if (Files.isSymbolicLink(target)) {
                if (entry.copy() || !pointsTo(target, canonical)) {
                    problems.add(target + " is a link that does not lead to " + canonical);
                }
            } else if (!entry.copy()) {
                problems.add(target + " is a folder, not a link to " + canonical);
                problems.addAll(contentDrift(target, entry));
            } else {
                problems.addAll(contentDrift(target, entry));
            }
        }
        return problems;
    }

    /** The files of one installed copy that differ from the entry, each named with its folder. */
    List<String> contentDrift(Path dir, LockEntry entry) {
        if (!Files.isDirectory(dir)) {
            return List.of(dir + " is missing");
        }
        return SkillFolders.differences(entry.files(), SkillFolders.fileDigests(dir)).stream()
                .map(path -> dir.resolve(path.substring(0, path.indexOf(" ("))) + path.substring(path.indexOf(" (")))
                .toList();
    }

    /** Copies edited since they were installed: the canonical one and, with {@code --copy}, the agents' copies. */
    List<String> localEdits(String name, LockEntry entry) {
        List<String> edits = new ArrayList<>(editsIn(workspace.canonical(name), entry));
        if (entry.copy()) {
            for (Path target : workspace.targets(name, entry.agents())) {
                edits.addAll(editsIn(target, entry));
            }
        }
        return edits;
    }

    private List<String> editsIn(Path dir, LockEntry entry) {
        // a missing copy holds no edit to lose
        return Files.isDirectory(dir) ? contentDrift(dir, entry) : List.of();
    }

    private static boolean pointsTo(Path link, Path canonical) {
        try {
            return Files.exists(link) && link.toRealPath().equals(canonical.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
