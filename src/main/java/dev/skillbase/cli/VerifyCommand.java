package dev.skillbase.cli;

import dev.skillbase.install.Installer;
import dev.skillbase.install.Maintenance;
import dev.skillbase.install.Workspace;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skillbase verify}: every installed copy against skillbase.lock. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Checks every installed skill against skillbase.lock: each folder and link present, and "
                + "every file with the locked digest. Names each difference; exit 1 on any.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every installed copy is as locked",
            "1:drift: a copy is missing, a link is wrong or a file differs (or the lockfile is unreadable)",
            "2:usage error"
        })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Mixin
    InstallScopeOptions scope;

    record VerifyJson(String lockfile, int skills, List<Maintenance.Drift> drift) {
    }

    @Override
    public Integer call() {
        Workspace workspace = scope.workspace(SkillbaseCommand.env(spec));
        List<Maintenance.Drift> drifts;
        try (Installer installer = new Installer(workspace, () -> {
            throw new IllegalStateException("verify never reads a registry");
        }, Clock.systemUTC())) {
            drifts = new Maintenance(workspace, installer).verify();
        }
        int count = workspace.lock().skills().size();
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new VerifyJson(workspace.lockPath().toString(), count, drifts));
        } else if (drifts.isEmpty()) {
            out.println("verified " + count + " skill" + (count == 1 ? "" : "s") + " against "
                    + workspace.lockPath());
        } else {
            for (Maintenance.Drift drift : drifts) {
                out.println("drift " + drift.name() + ":");
                drift.problems().forEach(p -> out.println("  " + p));
            }
        }
        out.flush();
        return drifts.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
