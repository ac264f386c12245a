package dev.skillbase.cli;

import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.Viewer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase match "TASK"}: the skills that fit a task described in plain words, best first, with why. */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = "Finds the skills that fit a task described in plain words (\"turn this word doc into a pdf\"), "
                + "best first, each with its score and the words that matched in its name, title, tags or "
                + "description.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing matches)",
            "2:usage error (empty or too long TASK, bad --limit, malformed --db or --registry URL, or both given)",
            "3:environment error (database or registry unreachable, credentials refused)"
        })
final class MatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    private int limit = MatchHit.DEFAULT_LIMIT;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "The task, in plain words.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + MatchHit.DEFAULT_LIMIT,
            description = "At most N skills (1-" + MatchHit.MAX_LIMIT + ", default ${DEFAULT-VALUE}).")
    void limit(int value) {
        if (value < 1 || value > MatchHit.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(),
                    "--limit must be between 1 and " + MatchHit.MAX_LIMIT + ", got " + value);
        }
        limit = value;
    }

    record MatchJson(int rank, double score, Map<String, List<String>> reason, JsonViews.SummaryJson skill) {
    }

    @Override
    public Integer call() {
        String task = String.join(" ", words).strip();
        if (task.isEmpty()) {
            throw new UsageException("TASK is empty: describe the task in a few words");
        }
        if (task.length() > MatchHit.MAX_TASK) {
            throw new UsageException("TASK is " + task.length() + " characters long; at most " + MatchHit.MAX_TASK
                    + " are accepted");
        }
        Page<MatchHit> page;
        try (Registry registry = db.openWithOfflineCache()) {
            page = registry.match(task, new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), SkillQuery.Sort.NAME, limit, 0, Viewer.EVERYTHING));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            List<MatchJson> hits = new ArrayList<>();
            for (int i = 0; i < page.items().size(); i++) {
                MatchHit hit = page.items().get(i);
                hits.add(new MatchJson(i + 1, hit.score(), hit.reason(), JsonViews.SummaryJson.of(hit.skill())));
            }
            Json.print(out, new JsonViews.PageJson<>(page.total(), page.limit(), page.offset(), hits));
            return ExitCodes.OK;
        }
        Table table = Table.of("RANK", "SKILL", "SCORE", "MATCHED").cap(3, 14);
        for (int i = 0; i < page.items().size(); i++) {
            MatchHit hit = page.items().get(i);
            table.row(String.valueOf(i + 1), hit.skill().ref().toString(), "%.2f".formatted(hit.score()),
                    reason(hit.reason()));
        }
        table.print(out);
        out.println(PageFooter.of(page.items().size(), page.offset(), page.total()));
        out.flush();
        return ExitCodes.OK;
    }

    private static String reason(Map<String, List<String>> reason) {
        List<String> parts = new ArrayList<>();
        reason.forEach((field, found) -> parts.add(found.isEmpty() ? field : field + ": " + String.join(" ", found)));
        return String.join("; ", parts);
    }
}
