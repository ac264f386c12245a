package dev.skillbase.cli;

import dev.skillbase.install.AgentCatalog;
import dev.skillbase.install.Checkpoint;
import dev.skillbase.install.Places;
import dev.skillbase.install.Scope;
import dev.skillbase.install.Workspace;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --project DIR} and {@code --global}: which install scope a command works on. */
public final class InstallScopeOptions {
    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The project root, where skillbase.lock and the agents' project folders are "
                    + "(default: the current folder).")
    Path project;

    @Option(names = {"-g", "--global"},
            description = "Work on the user's global installs (the agents' home folders; the lockfile under "
                    + "$XDG_STATE_HOME/skillbase) instead of the project's.")
    boolean global;

    Scope scope() {
        return global ? Scope.GLOBAL : Scope.PROJECT;
    }

    Places places(Map<String, String> env) {
        return Places.of(project, env);
    }

    Workspace workspace(Map<String, String> env) {
        return new Workspace(AgentCatalog.builtIn(), places(env), scope(), Checkpoint.from(env, System.in,
                System.err));
    }
}
