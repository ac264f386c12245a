package dev.skillbase.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folders an install works in, fixed once from the project root and the environment ({@code HOME},
 * {@code XDG_CONFIG_HOME}, {@code XDG_STATE_HOME}): the agents' skill folders, the canonical copy's folder and the
 * lockfile of each scope. Immutable.
 */
public record Places(Path project, Path home, Path configHome, Path stateHome) {
    public static final String LOCKFILE = "skillbase.lock";

    /** From the environment of the process (or of a test), with the project root given. */
    public static Places of(Path project, Map<String, String> env) {
        Path home = Optional.ofNullable(env.get("HOME")).filter(v -> !v.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
        return new Places(project.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(),
                xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")),
                xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        // the XDG spec: a relative value is invalid and ignored
        return Optional.ofNullable(env.get(variable)).filter(v -> !v.isBlank()).map(Path::of)
                .filter(Path::isAbsolute).orElse(fallback).toAbsolutePath().normalize();
    }

    /** The lockfile of a scope: {@code skillbase.lock} at the project root, or under the user's state folder. */
    public Path lockfile(Scope scope) {
        return scope == Scope.PROJECT ? project.resolve(LOCKFILE) : stateHome.resolve("skillbase").resolve(LOCKFILE);
    }

    /** The folder an agent reads skills from in a scope. */
    public Path skillsDir(Agent agent, Scope scope) {
        return scope == Scope.PROJECT ? resolveProject(agent.projectDir()) : resolveHome(agent.globalDir());
    }

    /** A template relative to the project ({@code .claude/skills}) or, when it starts so, to the home. */
    public Path resolveProject(String template) {
        return template.startsWith("~/") || template.startsWith("$") ? resolveHome(template)
                : project.resolve(template).normalize();
    }

    /** A template starting with {@code ~/} or {@code $XDG_CONFIG_HOME/}. */
    public Path resolveHome(String template) {
        if (template.startsWith("~/")) {
            return home.resolve(template.substring(2)).normalize();
        }
        if (template.startsWith("$XDG_CONFIG_HOME/")) {
            return configHome.resolve(template.substring("$XDG_CONFIG_HOME/".length())).normalize();
        }
        throw new IllegalStateException("agents file: '" + template + "' is not a home path (~/ or $XDG_CONFIG_HOME/)");
    }

    /** Whether one of the agent's markers exists in the project. */
    public boolean detectedInProject(Agent agent) {
        return agent.projectMarkers().stream().map(this::resolveProject).anyMatch(Files::exists);
    }

    /** Whether one of the agent's markers exists in the home folder. */
    public boolean detectedInHome(Agent agent) {
        return agent.homeMarkers().stream().map(this::resolveHome).anyMatch(Files::exists);
    }
}
