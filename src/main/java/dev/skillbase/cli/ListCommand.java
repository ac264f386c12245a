package dev.skillbase.cli;

import dev.skillbase.install.Places;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillbase list}: the skills in the database, filtered and paged. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the skills in the database.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing matches)",
            "2:usage error (bad option value, malformed --db or --registry URL, or both given)",
            "3:environment error (database unreachable, registry unreachable and the answer not in the offline cache, "
                    + "credentials refused)"
        })
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Mixin
    FilterOptions filters;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "name",
            description = "Order: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; updated and created are "
                    + "newest first).")
    SkillQuery.Sort sort;

    @Option(names = "--installed",
            description = "List the skills installed in the agents' folders instead (project and global, including "
                    + "ones other tools installed, marked unmanaged).")
    boolean installed;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "With --installed: the project root (default: the current folder).")
    java.nio.file.Path project;

    @Override
    public Integer call() {
        if (installed) {
            return InstalledList.print(Places.of(project, SkillbaseCommand.env(spec)), json.enabled,
                    spec.commandLine().getOut());
        }
        Page<SkillSummary> page;
        try (Registry registry = db.openWithOfflineCache()) {
            page = registry.list(filters.query(sort));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, JsonViews.PageJson.of(page, JsonViews.SummaryJson::of));
            return ExitCodes.OK;
        }
        Table table = Table.of("SKILL", "VERSION", "UPDATED", "DESCRIPTION").cap(1, 14);
        for (SkillSummary skill : page.items()) {
            table.row(skill.ref().toString(), skill.latestVersion().orElse("-"),
                    skill.updatedAt().toString().substring(0, 10), skill.description());
        }
        table.print(out);
        out.println(PageFooter.of(page.items().size(), page.offset(), page.total()));
        out.flush();
        return ExitCodes.OK;
    }
}
