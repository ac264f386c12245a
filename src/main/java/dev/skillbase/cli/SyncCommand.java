package dev.skillbase.cli;

import dev.skillbase.registry.HttpRegistry;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import dev.skillbase.sync.Sync;
import dev.skillbase.sync.SyncOptions;
import dev.skillbase.sync.SyncReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase sync DIR}: a three-way sync of a folder of skills with a namespace. */
@Command(
        name = "sync",
        aliases = "sync-db",
        mixinStandardHelpOptions = true,
        description = {
            "Keeps DIR and a namespace of the registry in step (also available as sync-db). DIR/.skillbase/sync.json "
                    + "records, per skill, the content digest both sides had at the last sync.",
            "Changed only in DIR: pushed (as push does). Changed only in the registry: pulled. Changed on both "
                    + "sides: a conflict, reported with both digests, nothing overwritten, unless --prefer says "
                    + "which side wins. Deleted on one side: reported; --prune deletes it on the other side too "
                    + "(archives it in the registry, or removes the skill's files from DIR: files a skill does not "
                    + "include, such as node_modules, are never deleted).",
            "A skill folder is replaced whole; a killed sync is completed by running it again."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:DIR and the registry are in step (deletions may have been reported)",
            "1:a skill is in conflict or was skipped (the others were synced)",
            "2:usage error (bad option, malformed --db or --registry URL, or both given)",
            "3:environment error (DIR missing, a file or not writable; database or registry unreachable; "
                    + "credentials refused)"
        })
final class SyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "DIR", description = "The folder of skill folders to sync.")
    Path dir;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "local",
            description = "The namespace DIR mirrors (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--dry-run", description = "Print the plan (push, pull, conflict, delete per skill); change "
            + "nothing.")
    boolean dryRun;

    @Option(names = "--prefer", paramLabel = "local|remote",
            description = "Which side wins a conflict: local (push DIR's copy) or remote (pull the registry's).")
    SyncOptions.Side prefer;

    @Option(names = "--prune", description = "Propagate deletions: a skill deleted from DIR is archived in the "
            + "registry, one archived in the registry has its files removed from DIR.")
    boolean prune;

    @Override
    public Integer call() {
        checkNamespace(namespace);
        PrintWriter out = spec.commandLine().getOut();
        SyncReport report;
        try (Registry registry = dryRun ? db.openExisting().orElseGet(NoDatabase::new) : db.open()) {
            SyncOptions options = SyncOptions.sync(namespace, remote(registry), dryRun, Optional.ofNullable(prefer),
                    prune);
            report = new Sync(registry, lenient()).sync(dir, options,
                    json.enabled ? skill -> { } : SyncText.progress(namespace, out));
        }
        if (json.enabled) {
            Json.print(out, SyncJson.of(report));
        } else {
            SyncText.summary(report, dryRun ? "Would sync" : "Synced", out);
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.INVALID;
    }

    static Validator lenient() {
        return new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);
    }

    static void checkNamespace(String namespace) {
        if (!SkillName.problems(namespace).isEmpty()) {
            throw new UsageException("--namespace '" + namespace + "' is not a valid namespace: use 1-64 of a-z, "
                    + "0-9 and '-', without a leading, trailing or double hyphen");
        }
    }

    /** Where the registry is, as the sync state records it: never with a password. */
    static String remote(Registry registry) {
        return switch (registry) {
            case HttpRegistry http -> http.url().toString();
            case LocalRegistry local -> local.url().toString();
            default -> "none";
        };
    }
}
