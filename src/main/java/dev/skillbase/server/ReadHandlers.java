package dev.skillbase.server;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.Faceted;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.Viewer;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read routes of API v1, each as the caller may see it ({@link Callers#viewer}): what the caller may not see is
 * a 404, exactly as if it did not exist. A skill read counts as a {@code viewed} event, each hit of a search as a
 * {@code searched} one (GET only). Stateless apart from its collaborators; thread-safe. */
final class ReadHandlers {
    private final LocalRegistry registry;
    private final Supplier<Links> links;
    private final SkillResponseCache skills;
    private final PageCache pages;
    private final EventRecorder events;

    ReadHandlers(LocalRegistry registry, Supplier<Links> links, SkillResponseCache skills,
            PageCache pages, EventRecorder events) {
        this.registry = registry;
        this.links = links;
        this.skills = skills;
        this.pages = pages;
        this.events = events;
    }

    /** A HEAD request: it shows the caller nothing, so it counts as no event. */
    static boolean isHead(Context ctx) {
        return ctx.method() == HandlerType.HEAD;
    }

    void list(Context ctx) {
        ListRequest request = ListRequest.parse(ctx);
        if (request.text().isPresent()) {
            Faceted<SearchHit> hits = pages.search(request.text().get(), request.query());
            if (!isHead(ctx)) {
                hits.page().items().forEach(hit -> events.observed(AnalyticsEvent.SEARCHED, hit.skill().ref()));
            }
            respond(ctx, request, hits, WireViews.SkillItem::of);
        } else {
            respond(ctx, request, pages.list(request.query()), WireViews.SkillItem::of);
        }
    }

    private static <T> void respond(Context ctx, ListRequest request, Faceted<T> faceted,
            Function<T, WireViews.SkillItem> view) {
        Page<T> page = faceted.page();
        ctx.json(new WireViews.FacetedPageView<>(page.items().stream().map(view).toList(), page.total(),
                request.query().limit(), request.query().offset(), request.nextCursor(page.total()),
                WireViews.FacetsView.of(faceted.facets())));
    }

    /** The skill's JSON and ETag come from {@link SkillResponseCache}, which checks the caller on every request. */
    void skill(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        SkillResponseCache.Entry skill = skills.readable(ref, Callers.viewer(ctx))
                .orElseThrow(() -> new SkillNotFoundException(ref));
        if (!isHead(ctx)) {
            events.observed(AnalyticsEvent.VIEWED, ref);
        }
        if (!Etags.notModified(ctx, skill.etag())) {
            ctx.contentType(ContentType.APPLICATION_JSON).result(skill.json());
        }
    }

    void versions(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Viewer viewer = Callers.viewer(ctx);
        List<VersionInfo> versions = registry.versions(ref, viewer);
        if (versions.isEmpty() && registry.skill(ref, viewer).isEmpty()) {
            throw new SkillNotFoundException(ref);
        }
        ctx.json(new WireViews.VersionList(ref.namespace(), ref.name(),
                versions.stream().map(v -> WireViews.VersionView.of(ref, v, links.get())).toList()));
    }

    void version(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        VersionDetails details = details(ref, PathParams.version(ctx), Callers.viewer(ctx));
        String etag = Etags.of(details.info().contentDigest(), String.valueOf(details.info().yanked()));
        if (!Etags.notModified(ctx, etag)) {
            ctx.json(WireViews.ManifestView.of(details, links.get()));
        }
    }

    void file(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        String version = PathParams.version(ctx);
        String path = PathParams.filePath(ctx);
        Viewer viewer = Callers.viewer(ctx);
        VersionDetails details = details(ref, version, viewer);
        VersionDetails.FileEntry entry = details.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> VersionNotFoundException.noFile(ref, version, path));
        if (Etags.notModified(ctx, Etags.ofDigest(entry.digest()))) {
            return;
        }
        byte[] bytes = registry.file(ref, version, path, viewer)
                .orElseThrow(() -> VersionNotFoundException.noFile(ref, version, path));
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.contentType(ContentTypes.of(path)).result(bytes);
    }

    void stats(Context ctx) {
        ctx.json(WireViews.StatsView.of(registry.stats(Callers.viewer(ctx))));
    }

    /** The version as the viewer may see it; a 404 naming the skill or the version otherwise. */
    static VersionDetails details(LocalRegistry registry, SkillRef ref, String version, Viewer viewer) {
        return registry.version(ref, version, viewer).orElseThrow(() -> registry.skill(ref, viewer).isEmpty()
                ? new SkillNotFoundException(ref) : new VersionNotFoundException(ref, version));
    }

    private VersionDetails details(SkillRef ref, String version, Viewer viewer) {
        return details(registry, ref, version, viewer);
    }

    /** {@code GET /api/v1/tags}: skill tags with their category and how many skills the caller may list carry them. */
    void tags(Context ctx) {
        ctx.json(new WireViews.Items<>(registry.tags(Callers.viewer(ctx)).stream()
                .map(t -> new WireViews.TagView(t.name(), t.category().orElse(null), t.skills())).toList()));
    }

    /** {@code GET /api/v1/categories}: the taxonomy tree with counts. */
    void categories(Context ctx) {
        ctx.json(new WireViews.Items<>(registry.categories(Callers.viewer(ctx)).stream()
                .map(WireViews.CategoryView::of).toList()));
    }
}
