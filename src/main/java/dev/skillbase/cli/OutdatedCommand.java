package dev.skillbase.cli;

import dev.skillbase.install.Installer;
import dev.skillbase.install.Maintenance;
import dev.skillbase.install.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase outdated}: what {@code update} would move, and the newest versions beyond the ranges. */
@Command(
        name = "outdated",
        mixinStandardHelpOptions = true,
        description = "Lists installed skills that could move: the locked version, the newest within the range "
                + "(WANTED, what update installs) and the newest there is (LATEST).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing is outdated)",
            "1:a NAME is not installed",
            "2:usage error",
            "3:environment error (registry unreachable and what is needed not in the offline cache)"
        })
final class OutdatedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Mixin
    InstallScopeOptions scope;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The installed skills to check (default: all).")
    List<String> names = new ArrayList<>();

    record OutdatedJson(List<Maintenance.Move> outdated) {
    }

    @Override
    public Integer call() {
        Workspace workspace = scope.workspace(SkillbaseCommand.env(spec));
        List<Maintenance.Move> moves;
        try (Installer installer = new Installer(workspace, db::openWithOfflineCache, Clock.systemUTC())) {
            moves = new Maintenance(workspace, installer).outdated(names).stream()
                    .filter(m -> m.movable() || !m.latest().equals(m.current())).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new OutdatedJson(moves));
            return ExitCodes.OK;
        }
        if (moves.isEmpty()) {
            out.println("every installed skill is at its newest version");
        } else {
            Table table = Table.of("SKILL", "CURRENT", "WANTED", "LATEST", "SOURCE");
            moves.forEach(m -> table.row(m.name(), m.current(), m.wanted(), m.latest(), m.source() + "@"
                    + m.requested()));
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
