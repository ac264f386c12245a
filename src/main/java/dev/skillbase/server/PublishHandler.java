package dev.skillbase.server;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Problem;
import dev.skillbase.skill.Severity;
import dev.skillbase.skill.SkillDocument;
import dev.skillbase.skill.ValidationResult;
import dev.skillbase.skill.Validator;
import dev.skillbase.skill.Version;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/skills/{namespace}/{name}/versions[?version=X]}: guard, read the body (bounded), unpack it as a
 * hostile archive, validate strictly, then publish in one transaction. Nothing is stored unless every check passed.
 */
final class PublishHandler {
    private final Registry registry;
    private final PublishGuard guard;
    private final UploadBody body;
    private final ArchiveReader reader;
    private final Validator validator;
    private final Supplier<Links> links;

    PublishHandler(Registry registry, PublishGuard guard, UploadBody body, ArchiveReader reader, Validator validator,
            Supplier<Links> links) {
        this.registry = registry;
        this.guard = guard;
        this.body = body;
        this.reader = reader;
        this.validator = validator;
        this.links = links;
    }

    void handle(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        PublishGuard.Publisher publisher = guard.authorize(
                new PublishGuard.PublishAttempt(ref, Optional.ofNullable(ctx.header("Authorization"))));
        Optional<String> requested = Optional.ofNullable(ctx.queryParam("version"))
                .map(v -> PathParams.version(v, "version"));
        Taxonomy given = Taxonomy.of(ctx);
        Bundle bundle = reader.read(body.read(ctx));
        ValidationResult result = validator.validate(ref.name(), bundle);
        List<Problem> problems = new ArrayList<>(result.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR).toList());
        Optional<String> version = result.document().flatMap(doc -> version(requested, doc, problems));
        if (!problems.isEmpty() || version.isEmpty()) {
            throw new SkillInvalidException("the upload is not a publishable skill " + ref + ": " + problems.size()
                    + " problem(s), each listed in errors", problems);
        }
        SkillDocument document = result.document().orElseThrow();
        PublishResult published = registry.publish(request(ref, version.get(), document, bundle, publisher,
                given));
        var details = registry.version(ref, published.version())
                .orElseThrow(() -> new VersionNotFoundException(ref, published.version()));
        boolean created = published.outcome() == PublishResult.Outcome.CREATED;
        if (created) {
            ctx.header("Location", links.get().version(ref, published.version()));
        }
        ctx.status(created ? 201 : 200).json(WireViews.ManifestView.of(details, links.get()));
    }

    /**
     * The version from {@code ?version=}, else from {@code metadata.version}. {@code ?version=} wins over
     * {@code metadata.version} (as {@code ?category=} and {@code ?tags=} win over theirs), so that a client such as
     * {@code skillbase push} can publish changed content whose declared version is taken as the next patch, as a push
     * into a local database does; but it may not be lower than the declared version, which is most likely a mistake.
     */
    private static Optional<String> version(Optional<String> requested, SkillDocument document,
            List<Problem> problems) {
        Optional<String> declared = Optional.ofNullable(document.frontmatter().metadata().get("version"))
                .map(String::strip);
        if (declared.isPresent()) {
            try {
                String normalised = Version.parse(declared.get()).toString();
                if (requested.isPresent()
                        && Version.parse(requested.get()).compareTo(Version.parse(normalised)) < 0) {
                    problems.add(Problem.error("version", "version-below-declared", "?version=" + requested.get()
                            + " is lower than metadata.version " + normalised + " in SKILL.md: publish " + normalised
                            + " or higher"));
                    return Optional.empty();
                }
                return Optional.of(requested.orElse(normalised));
            } catch (InvalidVersionException e) {
                if (requested.isEmpty()) {
                    problems.add(Problem.error("metadata.version", "version-invalid", e.getMessage()));
                    return Optional.empty();
                }
            }
        }
        if (requested.isEmpty()) {
            problems.add(Problem.error("version", "version-missing", "no version: pass ?version=1.0.0 or set "
                    + "metadata.version in SKILL.md"));
        }
        return requested;
    }

    /** {@code ?category=} and {@code ?tags=} (comma-separated), when given, win over SKILL.md's metadata. */
    private record Taxonomy(Optional<String> category, Optional<List<String>> tags) {
        static Taxonomy of(Context ctx) {
            Optional<String> category = Optional.ofNullable(ctx.queryParam("category")).map(String::strip)
                    .map(c -> {
                        if (!c.isEmpty() && !c.matches(CATEGORY)) {
                            throw new InvalidParameterException("category", "invalid-category", "category \"" + c
                                    + "\" is not a taxonomy path such as development/languages/python");
                        }
                        return c;
                    });
            return new Taxonomy(category, Optional.ofNullable(ctx.queryParam("tags")).map(PublishHandler::tags));
        }
    }

    private static final String CATEGORY = "[a-z0-9-]+(/[a-z0-9-]+)*";

    private static List<String> tags(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isBlank())
                .toList();
    }

    private static PublishRequest request(SkillRef ref, String version, SkillDocument document, Bundle bundle,
            PublishGuard.Publisher publisher, Taxonomy given) {
        Map<String, String> metadata = document.frontmatter().metadata();
        String taxonomy = given.category().orElseGet(() -> Optional.ofNullable(metadata.get("category"))
                .map(String::strip).filter(c -> c.matches(CATEGORY)).orElse(""));
        List<String> tags = given.tags().orElseGet(() -> Optional.ofNullable(metadata.get("tags"))
                .map(PublishHandler::tags).orElse(List.of()));
        return new PublishRequest(ref, version, document, bundle, taxonomy, tags,
                Optional.ofNullable(metadata.get("source")), Optional.empty(), publisher.name());
    }
}
