package dev.skillbase.cli;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.RegistryStats;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.Rating;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.sync.PushReport;
import dev.skillbase.sync.PushedSkill;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON the CLI prints. Wire records, not the registry's own, so the output stays stable: absent values are
 * {@code null}, instants are ISO-8601 strings, enums lower case.
 */
final class JsonViews {
    private JsonViews() {
    }

    record PageJson<T>(long total, int limit, int offset, List<T> items) {
        static <S, T> PageJson<T> of(Page<S> page, Function<S, T> view) {
            return new PageJson<>(page.total(), page.limit(), page.offset(), page.items().stream().map(view).toList());
        }
    }

    record SummaryJson(
            String namespace, String name, String title, String description, String taxonomyPath, String status,
            String latestVersion, List<String> tags, long installs, String createdAt, String updatedAt,
            RatingJson rating) {
        static SummaryJson of(SkillSummary s) {
            return new SummaryJson(s.ref().namespace(), s.ref().name(), s.title(), s.description(), s.taxonomyPath(),
                    s.status(), s.latestVersion().orElse(null), s.tags(), s.installs(), iso(s.createdAt()),
                    iso(s.updatedAt()), RatingJson.of(s.rating()));
        }
    }

    /** The mean rating (null without reviews) and the number of reviews. */
    record RatingJson(Double average, long count) {
        static RatingJson of(Rating r) {
            return new RatingJson(r.average().map(a -> Math.round(a * 100) / 100.0).orElse(null), r.count());
        }
    }

    record HitJson(int rank, double score, SummaryJson skill) {
    }

    record VersionJson(
            String version, String contentDigest, String archiveDigest, long size, int fileCount, String publishedAt,
            String publishedBy, boolean yanked) {
        static VersionJson of(VersionInfo v) {
            return new VersionJson(v.version(), v.contentDigest(), v.archiveDigest(), v.size(), v.fileCount(),
                    iso(v.publishedAt()), v.publishedBy().orElse(null), v.yanked());
        }
    }

    record FileJson(String path, long size, String digest, boolean executable) {
        static FileJson of(VersionDetails.FileEntry f) {
            return new FileJson(f.path(), f.size(), f.digest(), f.executable());
        }
    }

    record SkillJson(
            String namespace, String name, String title, String description, String taxonomyPath, String status,
            String visibility, String license, String sourceUrl, String homepage, List<String> tags, long installs,
            long versionCount, long executions, long executionsSucceeded, String createdAt, String updatedAt,
            String latestVersion, VersionJson version, List<String> versions, List<FileJson> files, RatingJson rating) {
        static SkillJson of(SkillDetails d, VersionJson version, List<String> versions, List<FileJson> files) {
            return new SkillJson(d.ref().namespace(), d.ref().name(), d.title(), d.description(), d.taxonomyPath(),
                    d.status(), d.visibility(), d.license().orElse(null), d.sourceUrl().orElse(null),
                    d.homepage().orElse(null), d.tags(), d.installs(), d.versionCount(), d.executions(),
                    d.executionsSucceeded(), iso(d.createdAt()),
                    iso(d.updatedAt()), d.latest().map(VersionInfo::version).orElse(null), version, versions, files,
                    RatingJson.of(d.rating()));
        }
    }

    record StatsJson(
            long skills, long versions, long namespaces, long categories, long tags, long blobs, long blobBytes,
            long installs) {
        static StatsJson of(RegistryStats s) {
            return new StatsJson(s.skills(), s.versions(), s.namespaces(), s.categories(), s.tags(), s.blobs(),
                    s.blobBytes(), s.installs());
        }
    }

    record PushedJson(
            String path, String outcome, String namespace, String name, String version, String previousVersion,
            String taxonomyPath, List<String> warnings, List<String> reasons) {
        static PushedJson of(PushedSkill s) {
            return new PushedJson(s.path(), lower(s.outcome()), s.ref().map(r -> r.namespace()).orElse(null),
                    s.ref().map(r -> r.name()).orElse(null), s.version().orElse(null),
                    s.previousVersion().orElse(null), s.taxonomyPath(), s.warnings(), s.reasons());
        }
    }

    record PushJson(String root, String namespace, boolean dryRun, Map<String, Integer> counts,
            List<PushedJson> skills) {
        static PushJson of(PushReport report) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            report.counts().forEach((outcome, count) -> counts.put(lower(outcome), count));
            return new PushJson(report.root().toString(), report.namespace(), report.dryRun(), counts,
                    report.skills().stream().map(PushedJson::of).toList());
        }
    }

    static HitJson hit(int rank, SearchHit hit) {
        return new HitJson(rank, hit.score(), SummaryJson.of(hit.skill()));
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
