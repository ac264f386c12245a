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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase update [NAME...]}: installed skills to the newest version their range allows. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = "Moves installed skills (all, or the NAMEs) to the newest version within the range they were "
                + "installed with, and updates skillbase.lock. A copy edited since it was installed is never "
                + "overwritten without --force; the files that differ are named.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing moves)",
            "1:a NAME is not installed, a copy was edited locally, or a digest mismatch",
            "2:usage error",
            "3:environment error (registry unreachable and what is needed not in the offline cache, folder not "
                    + "writable)"
        })
final class UpdateCommand implements Callable<Integer> {

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

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The installed skills to update (default: all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print what would move and change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite copies edited since they were installed.")
    boolean force;

    record UpdateJson(boolean dryRun, List<Maintenance.Move> updates) {
    }

    @Override
    public Integer call() {
        Workspace workspace = scope.workspace(SkillbaseCommand.env(spec));
        List<Maintenance.Move> moves;
        try (InstallRecorder recorder = InstallRecorder.open(db::openServer, record, spec.commandLine().getErr());
                Installer installer = new Installer(workspace, db::openWithOfflineCache, Clock.systemUTC())) {
            moves = new Maintenance(workspace, installer).update(names, dryRun, force);
            if (!dryRun) {
                recorder.installed(workspace.lock(), moves.stream().map(Maintenance.Move::name).toList());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new UpdateJson(dryRun, moves));
            return ExitCodes.OK;
        }
        String verb = dryRun ? "would update " : "updated ";
        moves.forEach(m -> out.println(verb + m.name() + " " + m.current() + " -> " + m.wanted() + " (" + m.source()
                + "@" + m.requested() + ")"));
        if (moves.isEmpty()) {
            out.println("everything is up to date within its range");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
