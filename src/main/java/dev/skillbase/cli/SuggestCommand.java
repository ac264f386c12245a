package dev.skillbase.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skillbase.install.AgentCatalog;
import dev.skillbase.install.Checkpoint;
import dev.skillbase.install.InstallSource;
import dev.skillbase.install.Installer;
import dev.skillbase.install.Places;
import dev.skillbase.install.Scope;
import dev.skillbase.install.Workspace;
import dev.skillbase.registry.Registry;
import dev.skillbase.suggest.DeclaredPackage;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import dev.skillbase.suggest.ProjectScanner;
import dev.skillbase.suggest.SuggestedSkill;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase suggest [PROJECT_DIR]}: skills for the packages a project declares. */
@Command(
        name = "suggest",
        mixinStandardHelpOptions = true,
        description = {
            "Scans the project's manifests (package.json, pom.xml, build.gradle(.kts), requirements*.txt, "
                    + "pyproject.toml, go.mod, Cargo.toml, Gemfile, composer.json; sub-folders down to --depth, "
                    + "node_modules, build output and hidden folders skipped) and proposes the registry's skills "
                    + "mapped to the packages found, each once with its confidence and the reason.",
            "With --install, the proposed skills are installed into the project (as skillbase install NS/NAME ... "
                    + "would, for the agents given with --agent or detected)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (also when nothing is proposed)",
            "1:a manifest that cannot be parsed (named), or an install that fails (see skillbase install)",
            "2:usage error (PROJECT_DIR not a folder, bad option value, malformed --db or --registry URL)",
            "3:environment error (database or registry unreachable, folder not readable)"
        })
final class SuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "PROJECT_DIR", arity = "0..1", defaultValue = ".",
            description = "The project to scan (default: the current folder).")
    Path project;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "4",
            description = "How many folders deep to look for manifests (0: PROJECT_DIR only; default 4).")
    int depth;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "3",
            description = "At most N skills per package, 1-50 (default 3).")
    int limit;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.5",
            description = "Propose only mappings of at least this confidence, 0-1 (default 0.5).")
    double minConfidence;

    @Option(names = "--install", description = "Install the proposed skills into the project.")
    boolean install;

    @Option(names = {"-a", "--agent"}, split = ",", paramLabel = "AGENT",
            description = "With --install: the agents to install for (default: the ones detected).")
    List<String> agents = List.of();

    /** A proposed skill: through which of the project's packages, and the mapping that matched it. */
    record Proposal(String skill, String title, String description, double confidence, String source,
            String reason, @JsonProperty("package") String pkg, String mapping) {
    }

    record PackageJson(@JsonProperty("package") String pkg, List<String> manifests) {
    }

    record SuggestJson(String project, List<PackageJson> packages, List<Proposal> skills,
            List<Installer.Outcome> installed) {
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(project)) {
            throw new UsageException("PROJECT_DIR " + project + " is not a folder");
        }
        if (depth < 0 || depth > 20 || limit < 1 || limit > 50 || minConfidence < 0 || minConfidence > 1) {
            throw new UsageException("--depth must be 0-20, --limit 1-50 and --min-confidence 0-1");
        }
        List<DeclaredPackage> declared = new ProjectScanner(depth).scan(project);
        List<PackageQuery> queries = declared.stream()
                .map(d -> new PackageQuery(Optional.of(d.pkg().ecosystem()), d.pkg().name())).toList();
        List<Proposal> proposals;
        try (Registry registry = db.openWithOfflineCache()) {
            proposals = proposals(registry.suggest(queries, limit));
        }
        List<Installer.Outcome> installed = install && !proposals.isEmpty() ? install(proposals) : List.of();
        print(declared, proposals, installed);
        return ExitCodes.OK;
    }

    /** Each skill once, with its best mapping, best first. */
    private List<Proposal> proposals(List<PackageSuggestions> groups) {
        Map<String, Proposal> best = new LinkedHashMap<>();
        for (PackageSuggestions group : groups) {
            for (SuggestedSkill s : group.skills()) {
                if (s.confidence() >= minConfidence) {
                    Proposal p = new Proposal(s.skill().toString(), s.title(), s.description(), s.confidence(),
                            s.source(), s.reason(), group.query().toString(), s.pkg().toString());
                    best.merge(p.skill(), p, (a, b) -> b.confidence() > a.confidence() ? b : a);
                }
            }
        }
        List<Proposal> sorted = new ArrayList<>(best.values());
        sorted.sort(Comparator.comparingDouble(Proposal::confidence).reversed().thenComparing(Proposal::skill));
        return sorted;
    }

    private List<Installer.Outcome> install(List<Proposal> proposals) {
        Map<String, String> env = SkillbaseCommand.env(spec);
        Workspace workspace = new Workspace(AgentCatalog.builtIn(), Places.of(project, env), Scope.PROJECT,
                Checkpoint.from(env, System.in, System.err));
        List<InstallSource> sources = proposals.stream()
                .map(p -> InstallSource.parse(p.skill(), workspace.places().home())).toList();
        try (Installer installer = new Installer(workspace, db::openWithOfflineCache, Clock.systemUTC())) {
            return installer.install(sources, new Installer.Options(agents, false, Optional.empty(), false, false));
        }
    }

    private void print(List<DeclaredPackage> declared, List<Proposal> proposals, List<Installer.Outcome> installed) {
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new SuggestJson(project.toString(), declared.stream()
                    .map(d -> new PackageJson(d.pkg().toString(), d.manifests())).toList(), proposals, installed));
            return;
        }
        out.println(declared.size() + " packages found under " + project + ":");
        for (DeclaredPackage d : declared) {
            out.println("  " + d.pkg() + " (" + String.join(", ", d.manifests()) + ")");
        }
        if (proposals.isEmpty()) {
            out.println("no skill proposed for these packages");
        } else {
            Table table = Table.of("SKILL", "CONFIDENCE", "PACKAGE", "REASON");
            proposals.forEach(p -> table.row(p.skill(), String.format(Locale.ROOT, "%.2f", p.confidence()),
                    p.pkg(), p.reason() + (p.source().equals(SuggestedSkill.MANUAL) ? " (manual)" : "")));
            table.print(out);
        }
        installed.forEach(o -> out.println(o.outcome() + " " + o.name() + " " + o.version() + " for "
                + String.join(", ", o.agents())));
        out.flush();
    }
}
