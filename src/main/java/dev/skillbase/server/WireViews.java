package dev.skillbase.server;

import dev.skillbase.registry.Category;
import dev.skillbase.registry.Rating;
import dev.skillbase.registry.Facets;
import dev.skillbase.registry.RegistryStats;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The API's wire records (snake_case in JSON, {@code null} for absent values), built from the registry's records. */
final class WireViews {
    private WireViews() {
    }

    record SkillItem(String namespace, String name, String title, String description, String taxonomyPath,
            String status, String latestVersion, List<String> tags, long installs, Instant createdAt,
            Instant updatedAt, RatingView rating, Double score) {

        static SkillItem of(SkillSummary s) {
            return of(s, null);
        }

        static SkillItem of(SearchHit hit) {
            return of(hit.skill(), hit.score());
        }

        private static SkillItem of(SkillSummary s, Double score) {
            return new SkillItem(s.ref().namespace(), s.ref().name(), s.title(), s.description(), s.taxonomyPath(),
                    s.status(), s.latestVersion().orElse(null), s.tags(), s.installs(), s.createdAt(), s.updatedAt(),
                    RatingView.of(s.rating()), score);
        }
    }

    /** The mean rating (rounded to two decimals; null without reviews) and the number of reviews. */
    record RatingView(Double average, long count) {
        static RatingView of(Rating r) {
            return new RatingView(r.average().map(a -> Math.round(a * 100) / 100.0).orElse(null), r.count());
        }
    }

    record PageView<T>(List<T> items, long total, int limit, int offset, String nextCursor) {
    }

    /** A list or search page with the facets of all its results. */
    record FacetedPageView<T>(List<T> items, long total, int limit, int offset, String nextCursor,
            FacetsView facets) {
    }

    record FacetsView(List<TagFacet> tags, List<CategoryFacet> categories) {
        static FacetsView of(Facets facets) {
            return new FacetsView(facets.tags().stream().map(c -> new TagFacet(c.value(), c.skills())).toList(),
                    facets.categories().stream().map(c -> new CategoryFacet(c.value(), c.skills())).toList());
        }
    }

    record TagFacet(String tag, long count) {
    }

    record CategoryFacet(String category, long count) {
    }

    /**
     * A skill's figures: installs, versions, and its runs (those that started a process), how many succeeded and
     * their share (null before the first run).
     */
    record Counters(long installs, long versions, long executions, long executionsSucceeded, Double successRate) {

        static Counters of(SkillDetails d) {
            return new Counters(d.installs(), d.versionCount(), d.executions(), d.executionsSucceeded(),
                    d.executions() == 0 ? null : (double) d.executionsSucceeded() / d.executions());
        }
    }

    record SkillView(String id, String namespace, String name, String title, String description,
            String taxonomyPath, String status, String visibility, String license, String sourceUrl, String homepage,
            String repo, List<String> tags, VersionView latest, Counters counters, RatingView rating,
            Instant createdAt, Instant updatedAt) {

        static SkillView of(SkillDetails d, Links links) {
            return new SkillView(d.id().toString(), d.ref().namespace(), d.ref().name(), d.title(), d.description(),
                    d.taxonomyPath(), d.status(), d.visibility(), d.license().orElse(null),
                    d.sourceUrl().orElse(null), d.homepage().orElse(null), d.repo().orElse(null), d.tags(),
                    d.latest().map(v -> VersionView.of(d.ref(), v, links)).orElse(null),
                    Counters.of(d), RatingView.of(d.rating()), d.createdAt(),
                    d.updatedAt());
        }
    }

    record VersionView(String version, String contentDigest, String archiveDigest, long size, int fileCount,
            Instant publishedAt, String publishedBy, boolean yanked, String archiveUrl) {

        static VersionView of(SkillRef ref, VersionInfo v, Links links) {
            return new VersionView(v.version(), v.contentDigest(), v.archiveDigest(), v.size(), v.fileCount(),
                    v.publishedAt(), v.publishedBy().orElse(null), v.yanked(), links.archive(ref, v.version()));
        }
    }

    record VersionList(String namespace, String name, List<VersionView> items) {
    }

    record FileView(String path, long size, String digest, boolean executable) {
        static FileView of(VersionDetails.FileEntry f) {
            return new FileView(f.path(), f.size(), f.digest(), f.executable());
        }
    }

    record ManifestView(String namespace, String name, String version, String contentDigest, String archiveDigest,
            long size, int fileCount, Instant publishedAt, String publishedBy, boolean yanked, String changelog,
            JsonNode frontmatter, List<FileView> files, String archiveUrl) {

        static ManifestView of(VersionDetails d, Links links) {
            VersionInfo v = d.info();
            return new ManifestView(d.ref().namespace(), d.ref().name(), v.version(), v.contentDigest(),
                    v.archiveDigest(), v.size(), v.fileCount(), v.publishedAt(), v.publishedBy().orElse(null),
                    v.yanked(), d.changelog().orElse(null), Json.MAPPER.readTree(d.frontmatterJson()),
                    d.files().stream().map(FileView::of).toList(), links.archive(d.ref(), v.version()));
        }
    }

    record StatsView(long skills, long versions, long namespaces, long categories, long tags, long blobs,
            long blobBytes, long installs) {
        static StatsView of(RegistryStats s) {
            return new StatsView(s.skills(), s.versions(), s.namespaces(), s.categories(), s.tags(), s.blobs(),
                    s.blobBytes(), s.installs());
        }
    }

    record Health(String status) {
    }

    record Items<T>(List<T> items) {
    }

    record TagView(String name, String category, long skills) {
    }

    record CategoryView(String name, String path, long skills, List<CategoryView> children) {
        static CategoryView of(Category c) {
            return new CategoryView(c.name(), c.path(), c.skills(), c.children().stream().map(CategoryView::of).toList());
        }
    }
}
