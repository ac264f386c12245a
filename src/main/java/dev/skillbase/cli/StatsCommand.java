package dev.skillbase.cli;

import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skillbase stats}: registry-wide figures. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Prints how many skills, versions, namespaces, categories, tags and stored files (blobs) the "
                + "database holds, and the installs so far.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:usage error (malformed --db or --registry URL, or both given)",
            "3:environment error (database unreachable, registry unreachable and the answer not in the offline cache, "
                    + "credentials refused)"
        })
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        RegistryStats stats;
        try (Registry registry = db.openWithOfflineCache()) {
            stats = registry.stats();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, JsonViews.StatsJson.of(stats));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "skills      %,d%n", stats.skills());
        out.printf(Locale.ROOT, "versions    %,d%n", stats.versions());
        out.printf(Locale.ROOT, "namespaces  %,d%n", stats.namespaces());
        out.printf(Locale.ROOT, "categories  %,d%n", stats.categories());
        out.printf(Locale.ROOT, "tags        %,d%n", stats.tags());
        out.printf(Locale.ROOT, "blobs       %,d (%s)%n", stats.blobs(), Sizes.human(stats.blobBytes()));
        out.printf(Locale.ROOT, "installs    %,d%n", stats.installs());
        out.flush();
        return ExitCodes.OK;
    }
}
