package dev.skillbase.server;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Viewer;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the compatibility endpoints (discovery indexes, {@code /api/search}) may show: the one place that decides
 * which skills are listed to clients that know nothing of namespaces or accounts. A skill is shown when its status
 * is active or deprecated, its visibility is public, and it has a version.
 *
 * <p>Without a namespace, names must be unique (the clients install by bare name): when several namespaces hold a
 * skill of the same name, the one whose namespace sorts first (byte order) is shown; the others are reachable through
 * their namespace's own index ({@code /ns/{namespace}/.well-known/...}). Thread-safe.
 */
final class PublicCatalog {
    static final Set<String> LISTED_STATUSES = Set.of("active", "deprecated");
    private static final int PAGE = SkillQuery.MAX_LIMIT;

    private final LocalRegistry registry;

    PublicCatalog(LocalRegistry registry) {
        this.registry = registry;
    }

    /** Every shown skill of a namespace, or of the whole registry with unique names; sorted by name. */
    List<SkillDetails> skills(Optional<String> namespace) {
        Map<String, SkillDetails> byName = new LinkedHashMap<>();
        for (SkillSummary summary : summaries(namespace)) {
            if (!byName.containsKey(summary.ref().name())) {
                registry.skill(summary.ref(), Viewer.PUBLIC).filter(PublicCatalog::shown)
                        .ifPresent(details -> byName.put(summary.ref().name(), details));
            }
        }
        return byName.values().stream().sorted(Comparator.comparing(d -> d.ref().name())).toList();
    }

    /** The shown skill called {@code name} in a namespace, or the one the global index lists under that name. */
    Optional<SkillDetails> skill(Optional<String> namespace, String name) {
        if (namespace.isPresent()) {
            return registry.skill(new SkillRef(namespace.get(), name), Viewer.PUBLIC).filter(PublicCatalog::shown);
        }
        for (SkillSummary summary : summaries(Optional.empty())) {
            if (summary.ref().name().equals(name)) {
                Optional<SkillDetails> details =
                        registry.skill(summary.ref(), Viewer.PUBLIC).filter(PublicCatalog::shown);
                if (details.isPresent()) {
                    return details;
                }
            }
        }
        return Optional.empty();
    }

    /** Full-text search over the shown skills, best first, at most {@code limit}. */
    List<SkillDetails> search(String text, Optional<String> namespace, int limit) {
        Page<SearchHit> hits = registry.search(text, query(namespace, limit, 0));
        List<SkillDetails> shown = new ArrayList<>();
        for (SearchHit hit : hits.items()) {
            if (LISTED_STATUSES.contains(hit.skill().status())) {
                registry.skill(hit.skill().ref(), Viewer.PUBLIC).filter(PublicCatalog::shown).ifPresent(shown::add);
            }
        }
        return shown;
    }

    static boolean shown(SkillDetails skill) {
        return LISTED_STATUSES.contains(skill.status()) && "public".equals(skill.visibility())
                && skill.latest().isPresent();
    }

    /** Listed-status summaries ordered by name, then namespace (so the first of a name wins globally). */
    private List<SkillSummary> summaries(Optional<String> namespace) {
        List<SkillSummary> all = new ArrayList<>();
        for (int offset = 0; offset <= SkillQuery.MAX_OFFSET; offset += PAGE) {
            Page<SkillSummary> page = registry.list(query(namespace, PAGE, offset));
            page.items().stream().filter(s -> LISTED_STATUSES.contains(s.status())).forEach(all::add);
            if (offset + PAGE >= page.total()) {
                break;
            }
        }
        all.sort(Comparator.comparing((SkillSummary s) -> s.ref().name()).thenComparing(s -> s.ref().namespace()));
        return all;
    }

    private static SkillQuery query(Optional<String> namespace, int limit, int offset) {
        return new SkillQuery(namespace, Optional.empty(), Optional.empty(), Optional.empty(), SkillQuery.Sort.NAME,
                limit, offset);
    }
}
