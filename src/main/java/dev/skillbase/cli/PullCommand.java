package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import dev.skillbase.sync.Sync;
import dev.skillbase.sync.SyncOptions;
import dev.skillbase.sync.SyncReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase pull DIR}: a namespace of the registry into a folder. */
@Command(
        name = "pull",
        aliases = "import-from-db",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the latest version of each skill of a namespace into DIR/<taxonomy path>/ (DIR/<name>/ when the "
                    + "taxonomy path is empty), creating folders as needed (also available as import-from-db).",
            "A skill folder lands whole (written aside, then renamed into place). Pull only touches skills it "
                    + "manages: a folder changed in DIR since the last pull or sync is left alone (reported), a "
                    + "folder already taken by other files is a conflict. It records what it pulled in "
                    + "DIR/.skillbase/sync.json, as sync does; a killed pull is completed by running it again."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every skill was pulled or already in DIR",
            "1:a skill is in conflict or was skipped (the others were pulled)",
            "2:usage error (bad option, malformed --db or --registry URL, or both given)",
            "3:environment error (DIR a file or not writable; database or registry unreachable; credentials "
                    + "refused)"
        })
final class PullCommand implements Callable<Integer> {

    enum Status {
        ACTIVE,
        DRAFT,
        ALL
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "DIR", description = "The folder to write into (created when missing).")
    Path dir;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "local",
            description = "The namespace to pull (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--status", paramLabel = "active|draft|all", defaultValue = "active",
            description = "Which skills: active (default), draft, or all but archived.")
    Status status;

    @Option(names = "--path", paramLabel = "PREFIX",
            description = "Only skills filed under this taxonomy path (development matches development/python).")
    String path;

    @Option(names = "--dry-run", description = "Print what would be pulled; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        SyncCommand.checkNamespace(namespace);
        PrintWriter out = spec.commandLine().getOut();
        Set<String> statuses = status == Status.ALL ? SyncOptions.LIVE_STATUSES
                : Set.of(status.name().toLowerCase(Locale.ROOT));
        Optional<String> prefix = Optional.ofNullable(path).map(PullCommand::trimSlashes).filter(p -> !p.isEmpty());
        SyncReport report;
        try (Registry registry = db.openExisting().orElseGet(NoDatabase::new)) {
            SyncOptions options = SyncOptions.pull(namespace, SyncCommand.remote(registry), dryRun, statuses, prefix);
            report = new Sync(registry, SyncCommand.lenient()).pull(dir, options,
                    json.enabled ? skill -> { } : SyncText.progress(namespace, out));
        }
        if (json.enabled) {
            Json.print(out, SyncJson.of(report));
        } else {
            SyncText.summary(report, dryRun ? "Would pull into" : "Pulled into", out);
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private static String trimSlashes(String value) {
        return value.strip().replaceAll("^/+|/+$", "");
    }
}
