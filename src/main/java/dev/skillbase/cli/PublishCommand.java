package dev.skillbase.cli;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Problem;
import dev.skillbase.skill.Severity;
import dev.skillbase.skill.SkillDocument;
import dev.skillbase.skill.SkillName;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import dev.skillbase.skill.Version;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase publish DIR}: one skill folder, validated strictly, as one version. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes one skill folder as one version, into the database or to a registry server (--registry). "
                    + "The skill is validated strictly first (the spec's rules; its name must equal its folder's); "
                    + "nothing is published unless it is valid.",
            "Version: --version, else metadata.version in SKILL.md (both given must agree). Publishing the same "
                    + "version again with the same content changes nothing; with other content it is a conflict.",
            "Taxonomy path: --category, else metadata.category. Tags: metadata.tags and a top-level tags list."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:published, or already published with this very content",
            "1:the skill is invalid, has no version, or the version is taken by other content",
            "2:usage error (DIR is not a folder, bad option, malformed --db or --registry URL, or both given)",
            "3:environment error (database or registry unreachable, not writable, credentials refused)"
        })
final class PublishCommand implements Callable<Integer> {
    private static final String CATEGORY = "[a-z0-9-]+(/[a-z0-9-]+)*";

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "DIR", description = "The skill folder (holding SKILL.md).")
    Path dir;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "local",
            description = "The namespace to publish into (default ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--version", paramLabel = "V", description = "The version (semver), e.g. 1.2.0.")
    String version;

    @Option(names = "--category", paramLabel = "PATH",
            description = "The taxonomy path, e.g. development/languages/python.")
    String category;

    /** What publish printed as JSON: the version and its digests, or the problems that stopped it. */
    record PublishJson(String namespace, String name, String version, String outcome, String contentDigest,
            String archiveDigest, Integer fileCount, Long size, List<ValidationReport.ProblemReport> problems) {
    }

    @Override
    public Integer call() {
        Path folder = folder();
        Optional<String> requested = requestedVersion();
        Optional<String> chosenCategory = category();
        ValidationResult result = new Validator(ValidationMode.STRICT, BundleLimits.DEFAULT).validate(folder);
        if (result.status() != ValidationResult.Status.VALID || result.document().isEmpty()
                || result.bundle().isEmpty()) {
            return invalid(folder, result.problems());
        }
        SkillDocument document = result.document().get();
        String chosen = version(requested, document);
        SkillRef ref = new SkillRef(namespace, folder.getFileName().toString());
        String taxonomy = chosenCategory.orElseGet(() -> Optional.ofNullable(document.frontmatter().metadata()
                .get("category")).map(String::strip).filter(c -> c.matches(CATEGORY)).orElse(""));
        PublishRequest request = new PublishRequest(ref, chosen, document, result.bundle().get(), taxonomy,
                document.frontmatter().tags(), Optional.ofNullable(document.frontmatter().metadata().get("source")),
                Optional.empty(), Optional.empty());
        PublishResult published;
        try (Registry registry = db.open()) {
            published = registry.publish(request);
        }
        print(published);
        return ExitCodes.OK;
    }

    private Path folder() {
        Path path = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(path) && path.getFileName().toString().equals("SKILL.md")) {
            path = path.getParent();
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException("DIR " + dir + " is not a folder");
        }
        if (!SkillName.problems(namespace).isEmpty()) {
            throw new UsageException("--namespace '" + namespace + "' is not a valid namespace: " + SkillName.RULES);
        }
        return path;
    }

    private Optional<String> requestedVersion() {
        try {
            return Optional.ofNullable(version).map(v -> Version.parse(v.strip()).toString());
        } catch (InvalidVersionException e) {
            throw new UsageException("--version '" + version + "' is not semver: " + e.getMessage(), e);
        }
    }

    private Optional<String> category() {
        Optional<String> given = Optional.ofNullable(category).map(String::strip);
        if (given.isPresent() && !given.get().matches(CATEGORY)) {
            throw new UsageException("--category '" + category + "' is not a taxonomy path such as "
                    + "development/languages/python (lower-case words joined by '/')");
        }
        return given;
    }

    private static String version(Optional<String> requested, SkillDocument document) {
        Optional<String> declared = Optional.ofNullable(document.frontmatter().metadata().get("version"))
                .map(String::strip);
        Optional<String> parsed;
        try {
            parsed = declared.map(v -> Version.parse(v).toString());
        } catch (InvalidVersionException e) {
            if (requested.isPresent()) {
                return requested.get();
            }
            throw new InvalidInputException("metadata.version '" + declared.get() + "' is not semver: "
                    + e.getMessage() + "; fix it or pass --version");
        }
        if (requested.isPresent() && parsed.isPresent() && !requested.equals(parsed)) {
            throw new InvalidInputException("--version " + requested.get() + " differs from metadata.version "
                    + parsed.get() + " in SKILL.md: make them equal");
        }
        return requested.or(() -> parsed).orElseThrow(() -> new InvalidInputException(
                "no version: pass --version 1.0.0 or set metadata.version in SKILL.md"));
    }

    private int invalid(Path folder, List<Problem> problems) {
        List<ValidationReport.ProblemReport> reports = problems.stream().map(ValidationReport.ProblemReport::of)
                .toList();
        if (json.enabled) {
            Json.print(spec.commandLine().getOut(), new PublishJson(namespace, folder.getFileName().toString(), null,
                    "invalid", null, null, null, null, reports));
        }
        PrintWriter err = spec.commandLine().getErr();
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        err.println("error: " + folder + " is not publishable: " + errors + " problem(s)");
        for (ValidationReport.ProblemReport problem : reports) {
            err.printf("  %-8s %s  %s: %s%n", problem.severity(), problem.code(), problem.field(), problem.message());
        }
        err.flush();
        return ExitCodes.INVALID;
    }

    private void print(PublishResult published) {
        VersionInfo info = published.info();
        String outcome = published.outcome().name().toLowerCase(Locale.ROOT);
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new PublishJson(published.ref().namespace(), published.ref().name(), published.version(),
                    outcome, info.contentDigest(), info.archiveDigest(), info.fileCount(), info.size(), List.of()));
            return;
        }
        out.println((published.outcome() == PublishResult.Outcome.CREATED ? "published " : "unchanged ")
                + published.ref() + "@" + published.version());
        out.println("  content  " + info.contentDigest());
        out.println("  archive  " + info.archiveDigest());
        out.println("  files    " + info.fileCount() + " (" + Sizes.human(info.size()) + ")");
        out.flush();
    }
}
