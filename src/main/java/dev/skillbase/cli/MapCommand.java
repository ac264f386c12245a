package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.suggest.PackageId;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase map PACKAGE NS/NAME}: a manual package-to-skill mapping. */
@Command(
        name = "map",
        mixinStandardHelpOptions = true,
        description = {
            "Maps a package (ECOSYSTEM:NAME, e.g. npm:react, maven:org.springframework.boot:*) to a skill by hand, "
                    + "so suggest proposes the skill for projects that declare the package. It replaces the pair's "
                    + "inferred mapping, and publishing never changes it again.",
            "With --registry, the token's user must be an owner or maintainer of the skill's namespace, or an admin."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:no such skill, or the server refused (no rights, bad value)",
            "2:usage error (malformed PACKAGE or skill reference, confidence out of 0-1)",
            "3:environment error (database or registry unreachable, credentials refused)"
        })
final class MapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "ECOSYSTEM:NAME")
    String pkg;

    @Parameters(index = "1", paramLabel = "NS/NAME", description = "The skill.")
    String skill;

    @Option(names = "--confidence", paramLabel = "X", defaultValue = "1.0",
            description = "How sure the mapping is, 0-1 (default 1).")
    double confidence;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why, shown with suggestions (default: mapped by hand).")
    String reason = "mapped by hand";

    @Override
    public Integer call() {
        PackageId id = PackageId.parse(pkg);
        SkillRef ref = SkillReference.parse(skill).ref();
        if (confidence < 0 || confidence > 1 || reason.isBlank() || reason.length() > 500) {
            throw new UsageException("--confidence must be from 0 to 1 and --reason 1 to 500 characters");
        }
        try (Registry registry = db.open()) {
            registry.map(id, ref, confidence, reason.strip());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("mapped " + id + " to " + ref + String.format(Locale.ROOT, " (confidence %.2f, manual)",
                confidence));
        out.flush();
        return ExitCodes.OK;
    }
}
