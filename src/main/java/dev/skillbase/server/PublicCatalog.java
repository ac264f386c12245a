package dev.skillbase.server;

import dev.skillbase.registry.DiscoverableSkill;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the compatibility endpoints (discovery indexes, {@code /api/search}) may show: the one place that decides
 * which skills are listed to clients that know nothing of namespaces or accounts. A skill is shown when its status
 * is active or deprecated, its visibility is public (in a public namespace), and it has a version not yanked.
 *
 * <p>Without a namespace, names must be unique (the clients install by bare name): when several namespaces hold a
 * skill of the same name, the one whose namespace sorts first (byte order) is shown; the others are reachable through
 * their namespace's own index ({@code /ns/{namespace}/.well-known/...}).
 *
 * <p>An index holds at most {@link #MAX_ENTRIES} skills, the first by name (byte order); {@link Index#truncated()}
 * says when more would have been listed. Those beyond stay installable through their namespace's index (unless it too
 * is over the limit) and through {@code /ns/{namespace}@{name}}, which always holds the one skill. Reading an index
 * takes a bounded number of queries, however many skills there are. Thread-safe.
 */
final class PublicCatalog {
    static final Set<String> LISTED_STATUSES = Set.of("active", "deprecated");
    /** The most skills one discovery index lists. */
    static final int MAX_ENTRIES = 10_000;

    private final LocalRegistry registry;
    private final int maxEntries;

    PublicCatalog(LocalRegistry registry) {
        this(registry, MAX_ENTRIES);
    }

    /** With another limit on the entries of an index (tests). */
    PublicCatalog(LocalRegistry registry, int maxEntries) {
        this.registry = registry;
        this.maxEntries = maxEntries;
    }

    /** The skills of an index, sorted by name, and whether more would have been listed than it holds. */
    record Index(List<DiscoverableSkill> skills, boolean truncated) {
        Index {
            skills = List.copyOf(skills);
        }
    }

    /** Every shown skill of a namespace, or of the whole registry with unique names, up to the limit. */
    Index index(Optional<String> namespace) {
        List<DiscoverableSkill> skills = registry.discovery().skills(namespace, Optional.empty(), maxEntries + 1);
        return skills.size() > maxEntries ? new Index(skills.subList(0, maxEntries), true) : new Index(skills, false);
    }

    /** The shown skill called {@code name} in a namespace, or the one the global index lists under that name. */
    Optional<DiscoverableSkill> skill(Optional<String> namespace, String name) {
        return registry.discovery().skills(namespace, Optional.of(name), 1).stream().findFirst();
    }

    /** The file paths of each skill's listed version, by skill id. */
    Map<UUID, List<String>> files(List<DiscoverableSkill> skills) {
        return registry.discovery().latestFiles(skills.stream().map(DiscoverableSkill::id).toList());
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

    private static SkillQuery query(Optional<String> namespace, int limit, int offset) {
        return new SkillQuery(namespace, Optional.empty(), Optional.empty(), Optional.empty(), SkillQuery.Sort.NAME,
                limit, offset);
    }
}
