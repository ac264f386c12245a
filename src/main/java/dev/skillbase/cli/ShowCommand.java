package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase show NS/NAME[@VERSION]}: one skill, its latest or given version, optionally its files. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows a skill: its description, taxonomy path, tags, counters and versions, and the latest "
                + "version (or VERSION) with its digests.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the skill or the version does not exist",
            "2:usage error (malformed reference, bad option, malformed --db or --registry URL, or both given)",
            "3:environment error (database unreachable, registry unreachable and the answer not in the offline cache, "
                    + "credentials refused)"
        })
final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "NS/NAME[@VERSION]", description = "The skill, e.g. local/pdf or local/pdf@0.1.0.")
    String reference;

    @Option(names = "--files", description = "Also list the version's files: path, size, digest, executable.")
    boolean files;

    /** What show found: the skill, the version shown, every version number, and the version's manifest. */
    record Shown(SkillDetails skill, VersionDetails version, List<String> versions) {
    }

    @Override
    public Integer call() {
        SkillReference ref = SkillReference.parse(reference);
        Shown shown;
        try (Registry registry = db.openWithOfflineCache()) {
            shown = find(registry, ref);
        }
        if (json.enabled) {
            List<JsonViews.FileJson> fileViews = files
                    ? shown.version().files().stream().map(JsonViews.FileJson::of).toList()
                    : null;
            Json.print(spec.commandLine().getOut(), JsonViews.SkillJson.of(shown.skill(),
                    JsonViews.VersionJson.of(shown.version().info()), shown.versions(), fileViews));
        } else {
            ShowText.print(shown, files, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private static Shown find(Registry registry, SkillReference ref) {
        SkillDetails skill = registry.skill(ref.ref())
                .orElseThrow(() -> new SkillNotFoundException("no skill " + ref.ref() + " in the database"));
        String wanted = ref.version()
                .or(() -> skill.latest().map(VersionInfo::version))
                .orElseThrow(() -> new SkillNotFoundException("skill " + ref.ref() + " has no version"));
        VersionDetails version = registry.version(ref.ref(), wanted)
                .orElseThrow(() -> new SkillNotFoundException("skill " + ref.ref() + " has no version " + wanted
                        + " (versions: " + String.join(", ", versions(registry, ref)) + ")"));
        return new Shown(skill, version, versions(registry, ref));
    }

    private static List<String> versions(Registry registry, SkillReference ref) {
        return registry.versions(ref.ref()).stream().map(VersionInfo::version).toList();
    }
}
