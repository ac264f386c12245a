package dev.skillbase.cli;

import dev.skillbase.install.Installer;
import dev.skillbase.install.LockEntry;
import dev.skillbase.install.Lockfile;
import dev.skillbase.install.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase uninstall NAME...}: folders, links and lock entries. */
@Command(
        name = "uninstall",
        mixinStandardHelpOptions = true,
        description = "Removes installed skills: the shared copy, every agent's link or copy, and the lock entry. "
                + "With --registry and a token, the server's records of those installations are removed too.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a NAME is not installed (nothing was removed)",
            "2:usage error",
            "3:environment error (a folder cannot be removed)"
        })
final class UninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Mixin
    InstallScopeOptions scope;

    @Mixin
    ServerOption server;

    @Mixin
    RecordOption record;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The installed skills' names.")
    List<String> names;

    record UninstallJson(String lockfile, List<Installer.Outcome> skills) {
    }

    @Override
    public Integer call() {
        Workspace workspace = scope.workspace(SkillbaseCommand.env(spec));
        Lockfile before = workspace.lock();
        List<Installer.Outcome> outcomes;
        try (InstallRecorder recorder = InstallRecorder.open(server::openServer, record, spec.commandLine().getErr());
                Installer installer = new Installer(workspace, () -> {
                    throw new IllegalStateException("uninstall never reads a registry");
                }, Clock.systemUTC())) {
            outcomes = installer.uninstall(names);
            Map<String, LockEntry> removed = new LinkedHashMap<>();
            outcomes.forEach(o -> before.entry(o.name()).ifPresent(entry -> removed.put(o.name(), entry)));
            recorder.uninstalled(removed);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new UninstallJson(workspace.lockPath().toString(), outcomes));
            return ExitCodes.OK;
        }
        outcomes.forEach(o -> out.println("uninstalled " + o.name() + " (" + workspace.scope().word() + ")"));
        out.flush();
        return ExitCodes.OK;
    }
}
