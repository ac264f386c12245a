package dev.skillbase.cli;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase search QUERY}: full-text search, best first (an exact name match first). */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = "Searches the skills' names, titles, descriptions and instructions; best match first "
                + "(a skill whose name is exactly QUERY comes first).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing matches)",
            "2:usage error (empty QUERY, bad option value, malformed --db or --registry URL, or both given)",
            "3:environment error (database unreachable, registry unreachable and the answer not in the offline cache, "
                    + "credentials refused)"
        })
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Mixin
    FilterOptions filters;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The words to search for.")
    List<String> words;

    @Override
    public Integer call() {
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new UsageException("QUERY is empty: give at least one word to search for");
        }
        Page<SearchHit> page;
        try (Registry registry = db.openWithOfflineCache()) {
            page = registry.search(text, filters.query(SkillQuery.Sort.NAME));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            List<JsonViews.HitJson> hits = new ArrayList<>();
            for (int i = 0; i < page.items().size(); i++) {
                hits.add(JsonViews.hit(page.offset() + i + 1, page.items().get(i)));
            }
            Json.print(out, new JsonViews.PageJson<>(page.total(), page.limit(), page.offset(), hits));
            return ExitCodes.OK;
        }
        Table table = Table.of("RANK", "SKILL", "VERSION", "DESCRIPTION").cap(2, 14);
        for (int i = 0; i < page.items().size(); i++) {
            SearchHit hit = page.items().get(i);
            table.row(String.valueOf(page.offset() + i + 1), hit.skill().ref().toString(),
                    hit.skill().latestVersion().orElse("-"), hit.skill().description());
        }
        table.print(out);
        out.println(PageFooter.of(page.items().size(), page.offset(), page.total()));
        out.flush();
        return ExitCodes.OK;
    }
}
