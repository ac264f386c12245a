package dev.skillbase.cli;

import dev.skillbase.install.Agent;
import dev.skillbase.install.InstallSource;
import dev.skillbase.install.Installer;
import dev.skillbase.install.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase install [SOURCE...]}: skills into the agents' folders, recorded in skillbase.lock. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        description = {
            "Installs skills into the agents' skill folders and records them in skillbase.lock. Without SOURCE, "
                    + "installs exactly what the lockfile records.",
            "SOURCE is NS/NAME, NS/NAME@1.2.3, NS/NAME@^1.2 (a range), NS/NAME@TAG, a local skill folder "
                    + "(./path), or the base URL of a discovery index (http://host/ns/acme).",
            "One real copy goes to .agents/skills/NAME (~/.agents/skills with --global); other agents get a relative "
                    + "link to it, or a copy with --copy. Every archive is checked against its digest before "
                    + "anything is written, and each folder lands whole (written aside, then renamed).",
            "With --registry, what the server answered is kept in the offline cache (see skillbase cache): when the "
                    + "server cannot be reached, versions fetched before install from it, checked again."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:unknown skill, no version matches, digest mismatch or an unsafe archive, a name clash, a locally "
                    + "edited copy, or --frozen and the lockfile would change",
            "2:usage error (unknown agent, malformed source, no agent detected, bad option)",
            "3:environment error (registry unreachable and what is needed not in the offline cache, folder not "
                    + "writable)"
        })
final class InstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Mixin
    InstallScopeOptions scope;

    @Mixin
    RecordOption record;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "What to install (see above).")
    List<String> sources = new ArrayList<>();

    @Option(names = {"-a", "--agent"}, split = ",", paramLabel = "AGENT",
            description = "The agents to install for, e.g. claude-code,cursor (default: the detected ones; "
                    + "see skillbase agents).")
    List<String> agents = new ArrayList<>();

    @Option(names = "--all-agents", description = "Install for every agent skillbase knows.")
    boolean allAgents;

    @Option(names = "--copy", description = "Give each agent its own copy instead of a link to the shared one.")
    boolean copy;

    @Option(names = "--as", paramLabel = "NAME",
            description = "Install the (one) skill under another folder name, e.g. when two namespaces hold the "
                    + "same name.")
    String as;

    @Option(names = "--force",
            description = "Replace a folder another tool installed, and overwrite copies edited locally.")
    boolean force;

    @Option(names = "--frozen", description = "Fail (exit 1) when the lockfile would change, e.g. in CI.")
    boolean frozen;

    record InstallJson(String lockfile, List<Installer.Outcome> skills) {
    }

    @Override
    public Integer call() {
        if (allAgents && !agents.isEmpty()) {
            throw new UsageException("--agent and --all-agents both given: name the agents or take them all");
        }
        if (as != null && sources.size() != 1) {
            throw new UsageException("--as names one skill: give exactly one SOURCE with it");
        }
        Map<String, String> env = SkillbaseCommand.env(spec);
        Workspace workspace = scope.workspace(env);
        List<InstallSource> parsed = sources.stream()
                .map(s -> InstallSource.parse(s, workspace.places().home())).toList();
        List<String> chosen = allAgents ? workspace.catalog().all().stream().map(Agent::id).toList() : agents;
        List<Installer.Outcome> outcomes;
        try (InstallRecorder recorder = InstallRecorder.open(db::openServer, record, spec.commandLine().getErr());
                Installer installer = new Installer(workspace, db::openWithOfflineCache, Clock.systemUTC())) {
            outcomes = parsed.isEmpty() ? installer.installLocked(force)
                    : installer.install(parsed, new Installer.Options(chosen, copy, Optional.ofNullable(as), force,
                            frozen));
            recorder.installed(workspace.lock(), outcomes.stream().map(Installer.Outcome::name).toList());
        }
        print(workspace, outcomes);
        return ExitCodes.OK;
    }

    private void print(Workspace workspace, List<Installer.Outcome> outcomes) {
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new InstallJson(workspace.lockPath().toString(), outcomes));
            return;
        }
        for (Installer.Outcome o : outcomes) {
            out.println(o.outcome() + " " + o.name() + " " + o.version() + " from " + o.source() + " for "
                    + String.join(", ", o.agents()) + " (" + workspace.scope().word() + ")");
        }
        if (outcomes.isEmpty()) {
            out.println("nothing to install: " + workspace.lockPath() + " records no skill");
        }
        out.flush();
    }
}
