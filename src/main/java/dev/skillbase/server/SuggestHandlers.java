package dev.skillbase.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skillbase.account.Principal;
import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.suggest.Ecosystem;
import dev.skillbase.suggest.InvalidPackageException;
import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import dev.skillbase.suggest.SuggestedSkill;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Skills for packages: {@code GET /api/v1/skills/suggest?packages=} (one list, each skill once),
 * {@code POST /api/v1/skills/bulk-suggest} (grouped by package), {@code GET /api/v1/packages/{ecosystem}/{name}/skills}
 * and {@code PUT /api/v1/skills/{namespace}/{name}/packages} (a manual mapping: owners, maintainers, admins). Only
 * skills the caller may see in lists are proposed; answers come through the {@link SuggestionCache}, and each skill
 * proposed counts as a {@code suggested} event.
 */
final class SuggestHandlers {
    /** The most packages one request may ask about. */
    static final int MAX_PACKAGES = 1000;
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 50;
    private static final Set<String> BULK_FIELDS = Set.of("packages", "limit");
    private static final Set<String> MAP_FIELDS = Set.of("package", "confidence", "reason");

    private final LocalRegistry registry;
    private final SkillEditHandlers edit;
    private final SuggestionCache cache;
    private final EventRecorder events;

    SuggestHandlers(LocalRegistry registry, SkillEditHandlers edit, SuggestionCache cache, EventRecorder events) {
        this.registry = registry;
        this.edit = edit;
        this.cache = cache;
        this.events = events;
    }

    /** The cached answers, each skill proposed recorded as suggested (not for HEAD, which shows nothing). */
    private List<PackageSuggestions> suggestions(Context ctx, List<PackageQuery> queries, int limit) {
        List<PackageSuggestions> groups = cache.suggest(queries, Callers.viewer(ctx), limit);
        if (!ReadHandlers.isHead(ctx)) {
            groups.stream().flatMap(group -> group.skills().stream()).map(SuggestedSkill::skill).distinct()
                    .forEach(skill -> events.observed(AnalyticsEvent.SUGGESTED, skill));
        }
        return groups;
    }

    /** One proposed skill on the wire. */
    record SuggestionView(String skill, String namespace, String name, String title, String description,
            String latestVersion, long installs, @JsonProperty("package") String pkg, double confidence,
            String source, String reason) {
        static SuggestionView of(SuggestedSkill s) {
            return new SuggestionView(s.skill().toString(), s.skill().namespace(), s.skill().name(), s.title(),
                    s.description(), s.latestVersion().orElse(null), s.installs(), s.pkg().toString(),
                    s.confidence(), s.source(), s.reason());
        }

    }

    record PackageView(@JsonProperty("package") String pkg, List<SuggestionView> skills) {
    }

    record SuggestView(List<String> packages, List<SuggestionView> skills) {
    }

    record BulkView(List<PackageView> results) {
    }

    /** {@code GET /api/v1/skills/suggest?packages=npm:react&packages=next&limit=}: each skill once, best first. */
    void suggest(Context ctx) {
        List<String> given = ctx.queryParams("packages").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).filter(v -> !v.isBlank()).toList();
        if (given.isEmpty()) {
            throw new InvalidParameterException("packages", "packages-missing",
                    "packages is required: give one or more, as packages=npm:react&packages=next");
        }
        List<PackageQuery> queries = queries(given);
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        Map<SkillRef, SuggestedSkill> best = new LinkedHashMap<>();
        for (PackageSuggestions group : suggestions(ctx, queries, limit)) {
            group.skills().forEach(s -> best.merge(s.skill(), s, (a, b) -> b.confidence() > a.confidence() ? b : a));
        }
        List<SuggestedSkill> skills = new ArrayList<>(best.values());
        skills.sort(Comparator.comparingDouble(SuggestedSkill::confidence).reversed()
                .thenComparing(Comparator.comparingLong(SuggestedSkill::installs).reversed())
                .thenComparing(s -> s.skill().toString()));
        ctx.json(new SuggestView(queries.stream().map(PackageQuery::toString).toList(),
                skills.stream().map(SuggestionView::of).toList()));
    }

    /** {@code POST /api/v1/skills/bulk-suggest {packages: [...], limit}}: results in the order asked. */
    void bulk(Context ctx) {
        JsonBody body = JsonBody.read(ctx, BULK_FIELDS);
        Optional<List<String>> packages = body.strings("packages");
        Optional<Integer> limit = body.integer("limit", 1, MAX_LIMIT);
        List<PackageQuery> queries = new ArrayList<>();
        if (packages.isEmpty() || packages.get().isEmpty()) {
            body.error("packages", "packages-missing", "packages is required: a list of one or more package ids");
        } else if (packages.get().size() > MAX_PACKAGES) {
            body.error("packages", "too-many-packages", "packages holds " + packages.get().size()
                    + " ids: at most " + MAX_PACKAGES + " a request");
        } else {
            for (String text : packages.get()) {
                try {
                    queries.add(PackageQuery.parse(text));
                } catch (InvalidPackageException e) {
                    body.error("packages", "invalid-package", e.getMessage());
                }
            }
        }
        body.done();
        List<PackageSuggestions> groups = suggestions(ctx, queries, limit.orElse(DEFAULT_LIMIT));
        ctx.json(new BulkView(groups.stream().map(SuggestHandlers::view).toList()));
    }

    /** {@code GET /api/v1/packages/{ecosystem}/{name}/skills?limit=}: the skills mapped to one package. */
    void packageSkills(Context ctx) {
        String ecosystemId = ctx.pathParam("ecosystem");
        Ecosystem ecosystem = Ecosystem.find(ecosystemId).orElseThrow(() -> new InvalidParameterException("ecosystem",
                "unknown-ecosystem", "ecosystem \"" + ecosystemId + "\" is not one of " + Ecosystem.ids()));
        PackageId pkg = parameter("name", () -> PackageId.of(ecosystem, ctx.pathParam("name")));
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, MAX_LIMIT)).orElse(MAX_LIMIT);
        PackageQuery query = new PackageQuery(Optional.of(pkg.ecosystem()), pkg.name());
        ctx.json(view(suggestions(ctx, List.of(query), limit).getFirst()));
    }

    /**
     * {@code PUT /api/v1/skills/{namespace}/{name}/packages {package, confidence, reason}}: maps the package to the
     * skill by hand (owners, maintainers, admins), replacing an inferred mapping of the pair; 200 with the mapping.
     */
    void map(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        edit.authorize(ctx, ref, Role.MAINTAINER, "mapping a package to " + ref);
        JsonBody body = JsonBody.read(ctx, MAP_FIELDS);
        Optional<String> text = body.text("package");
        Optional<Double> confidence = body.number("confidence", 0, 1);
        Optional<String> reason = body.text("reason");
        PackageId pkg = null;
        if (text.isEmpty()) {
            body.error("package", "package-missing", "package is required, as ECOSYSTEM:NAME");
        } else {
            try {
                pkg = PackageId.parse(text.get());
            } catch (InvalidPackageException e) {
                body.error("package", "invalid-package", e.getMessage());
            }
        }
        if (reason.isPresent() && (reason.get().isEmpty() || reason.get().length() > 500)) {
            body.error("reason", "invalid-reason", "reason must be 1 to 500 characters");
        }
        body.done();
        Principal caller = Callers.of(ctx).orElseThrow();
        String why = reason.orElse("mapped by " + caller.user().name());
        double value = confidence.orElse(1.0);
        registry.map(pkg, ref, value, why);
        ctx.json(new MappingView(pkg.toString(), ref.toString(), value, SuggestedSkill.MANUAL, why));
    }

    record MappingView(@JsonProperty("package") String pkg, String skill, double confidence, String source,
            String reason) {
    }

    private static PackageView view(PackageSuggestions group) {
        return new PackageView(group.query().toString(), group.skills().stream().map(SuggestionView::of).toList());
    }

    private static List<PackageQuery> queries(List<String> given) {
        if (given.size() > MAX_PACKAGES) {
            throw new InvalidParameterException("packages", "too-many-packages", "packages holds " + given.size()
                    + " ids: at most " + MAX_PACKAGES + " a request (POST /api/v1/skills/bulk-suggest takes as many)");
        }
        return given.stream().map(text -> parameter("packages", () -> PackageQuery.parse(text))).toList();
    }

    private static <T> T parameter(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidPackageException e) {
            throw new InvalidParameterException(name, "invalid-package", e.getMessage());
        }
    }
}
