package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import dev.skillbase.sync.Push;
import dev.skillbase.sync.PushOptions;
import dev.skillbase.sync.PushReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase push DIR}: a folder of skills into the database. */
@Command(
        name = "push",
        aliases = "export-to-db",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes every skill found under DIR (validated leniently) into the database. Also available as "
                    + "export-to-db.",
            "",
            "Name: the frontmatter name when it is a valid skill name, else the skill's folder name (with a "
                    + "warning). Skills that resolve to the same NS/NAME are all reported as conflicts and none "
                    + "of them is pushed.",
            "Taxonomy path: the folders from DIR down to and including the skill's own folder "
                    + "(DIR/development/languages/python/SKILL.md gives development/languages/python); a "
                    + "SKILL.md directly in DIR gets the empty path.",
            "Version: a new version is published only when the content changed since the latest published "
                    + "version. It is the version the skill declares (metadata.version, else a top-level "
                    + "version) when that is semver and higher than every published version, otherwise the next "
                    + "patch of the highest published version; a first version without one is 0.1.0.",
            "Tags come from metadata.tags and a top-level tags list. Each skill is one transaction: a bad "
                    + "skill never stops the others, and running the push again completes an interrupted one.",
            "Cache: what a push read of each folder (content digest, name, warnings) is kept under "
                    + "$XDG_CACHE_HOME/skillbase/push (else ~/.cache/skillbase/push); the next push does not read "
                    + "a folder whose files all have the same size, times, inode and mode, unless its skill must be "
                    + "published. Folders written in the 5 s before a push are not cached. --no-cache reads every "
                    + "file."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every skill was added, updated or unchanged",
            "1:a skill was skipped or in conflict (the others were pushed), or DIR holds no skill",
            "2:usage error (DIR does not exist, bad option, malformed --db or --registry URL, or both given)",
            "3:environment error (database or registry unreachable, not writable, credentials refused)"
        })
final class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "DIR", description = "The folder to push: a skill folder or a tree of them.")
    Path dir;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "local",
            description = "The namespace to publish into (default ${DEFAULT-VALUE}; same rules as a skill name).")
    String namespace;

    @Option(names = "--dry-run", description = "Report what would happen; write nothing (not even a new "
            + "database file).")
    boolean dryRun;

    @Option(names = "--force", description = "Publish a new patch version of every skill even when its content "
            + "is unchanged, e.g. to record a new taxonomy path after moving folders.")
    boolean force;

    @Option(names = "--no-cache", description = "Read every file, even of folders the push cache knows unchanged "
            + "(and leave the cache as it is).")
    boolean noCache;

    @Override
    public Integer call() {
        if (!Files.exists(dir)) {
            throw new UsageException("DIR " + dir + " does not exist");
        }
        if (!SkillName.problems(namespace).isEmpty()) {
            throw new UsageException("--namespace '" + namespace + "' is not a valid namespace: use 1-64 of a-z, "
                    + "0-9 and '-', without a leading, trailing or double hyphen");
        }
        Validator validator = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);
        PushReport report;
        try (Registry registry = dryRun ? db.openExisting().orElseGet(NoDatabase::new) : db.open()) {
            Optional<Path> cache = noCache
                    ? Optional.empty() : Optional.of(Push.defaultCacheFolder(SkillbaseCommand.env(spec)));
            report = new Push(registry, validator, cache).push(dir.toAbsolutePath().normalize(),
                    new PushOptions(namespace, dryRun, force));
        }
        if (json.enabled) {
            Json.print(spec.commandLine().getOut(), JsonViews.PushJson.of(report));
        } else {
            PushReportText.print(report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
