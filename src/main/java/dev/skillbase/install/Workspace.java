package dev.skillbase.install;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scope's install state: the agents, the folders they read, the canonical folder holding the real copy of each
 * skill, and the lockfile. Each installed skill lives in {@code <canonical>/NAME}; an agent reading another folder
 * gets {@code <its folder>/NAME} as a relative link to it, or as a copy.
 */
public final class Workspace {
    private final AgentCatalog catalog;
    private final Places places;
    private final Scope scope;
    private final SkillFolders folders;

    public Workspace(AgentCatalog catalog, Places places, Scope scope, Checkpoint checkpoint) {
        this.catalog = catalog;
        this.places = places;
        this.scope = scope;
        this.folders = new SkillFolders(checkpoint);
    }

    public AgentCatalog catalog() {
        return catalog;
    }

    public Places places() {
        return places;
    }

    public Scope scope() {
        return scope;
    }

    SkillFolders folders() {
        return folders;
    }

    public Path lockPath() {
        return places.lockfile(scope);
    }

    public Lockfile lock() {
        return Lockfile.read(lockPath());
    }

    /** The folder this scope's skill folders live below: the project root, or the home folder. */
    Path root() {
        return scope == Scope.PROJECT ? places.project() : places.home();
    }

    /** The agents' own folders of this scope (their detection markers), which uninstall never removes. */
    Set<Path> agentFolders() {
        Set<Path> folders = new java.util.HashSet<>();
        for (Agent agent : catalog.all()) {
            if (scope == Scope.PROJECT) {
                agent.projectMarkers().forEach(m -> folders.add(places.resolveProject(m)));
            } else {
                agent.homeMarkers().forEach(m -> folders.add(places.resolveHome(m)));
            }
        }
        return folders;
    }

    Path canonicalDir() {
        return scope == Scope.PROJECT ? places.resolveProject(catalog.canonicalDir(scope))
                : places.resolveHome(catalog.canonicalDir(scope));
    }

    /** Where the real copy of {@code name} lives. */
    Path canonical(String name) {
        return canonicalDir().resolve(name);
    }

    /** The folders other than the canonical one where the agents expect {@code name}. */
    List<Path> targets(String name, List<String> agentIds) {
        Set<Path> targets = new LinkedHashSet<>();
        for (Agent agent : catalog.select(agentIds)) {
            Path target = places.skillsDir(agent, scope).resolve(name);
            if (!target.equals(canonical(name))) {
                targets.add(target);
            }
        }
        return List.copyOf(targets);
    }

    /** Every skills folder of this scope, canonical first. */
    List<Path> skillsDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(canonicalDir());
        catalog.all().forEach(agent -> dirs.add(places.skillsDir(agent, scope)));
        return List.copyOf(dirs);
    }

    /** Puts every skills folder right after a killed run (see {@link SkillFolders#recover}). */
    void recover() {
        skillsDirs().forEach(folders::recover);
    }

    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
