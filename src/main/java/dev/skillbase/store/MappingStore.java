package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.suggest.Ecosystem;
import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageInference;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import dev.skillbase.suggest.SuggestedSkill;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Package-to-skill mappings: the skills proposed for packages (one query for any number of packages, through the
 * index on the package name), manual mappings set by people, and the rebuild of inferred ones. Only active skills
 * a {@link Viewer} may see in lists are proposed. Thread-safe.
 */
public final class MappingStore {
    /**
     * The best mappings of each stored package among {@code <names>}, ranked in the database, so that a package
     * mapped to thousands of skills sends only its best rows. CROSS JOIN keeps SQLite's plan driven by the package
     * names (without it, it scans every active skill through skills_status); PostgreSQL plans it as a join.
     */
    private static final String SELECT = """
            SELECT * FROM (
                SELECT m.ecosystem, m.name AS package_name, m.confidence, m.source, m.reason,
                       n.name AS namespace_name, s.name AS skill_name, s.title, s.description, s.latest_version,
                       s.installs,
                       row_number() OVER (PARTITION BY m.ecosystem, m.name
                                          ORDER BY m.confidence DESC, s.installs DESC, n.name, s.name) AS place
                FROM package_mappings m CROSS JOIN skills s CROSS JOIN namespaces n
                WHERE s.id = m.skill_id AND n.id = s.namespace_id
                  AND s.status = 'active' AND m.name IN (<names>) AND %s
            ) ranked WHERE place <= :per_package""";
    private static final Comparator<SuggestedSkill> BEST_FIRST = Comparator
            .comparingDouble(SuggestedSkill::confidence).reversed()
            .thenComparing(Comparator.comparingLong(SuggestedSkill::installs).reversed())
            .thenComparing(s -> s.skill().toString());

    private final Database database;
    private final PackageInference inference;

    public MappingStore(Database database, PackageInference inference) {
        this.database = database;
        this.inference = inference;
    }

    /**
     * The skills proposed for each query, in the order asked, at most {@code limit} each; a skill mapped both to a
     * Maven artifact and to its group counts once, with its best mapping.
     */
    public List<PackageSuggestions> suggest(List<PackageQuery> queries, Viewer viewer, int limit) {
        Set<String> names = new LinkedHashSet<>();
        queries.forEach(query -> names.addAll(query.lookupNames()));
        if (names.isEmpty()) {
            return List.of();
        }
        VisibilityFilter visible = VisibilityFilter.listed(viewer);
        List<SuggestedSkill> rows = database.read("suggesting skills for " + queries.size() + " packages",
                handle -> handle.createQuery(SELECT.formatted(visible.where()))
                        .bindList("names", new ArrayList<>(names)).bindMap(visible.parameters())
                        // twice the limit: a skill mapped to an artifact and to its group is kept once
                        .bind("per_package", 2 * limit)
                        .map((rs, ctx) -> map(rs)).list());
        Map<PackageId, List<SuggestedSkill>> byPackage = new HashMap<>();
        rows.forEach(row -> byPackage.computeIfAbsent(row.pkg(), key -> new ArrayList<>()).add(row));
        List<PackageSuggestions> result = new ArrayList<>(queries.size());
        for (PackageQuery query : queries) {
            List<SuggestedSkill> matching = new ArrayList<>();
            query.candidates().forEach(id -> matching.addAll(byPackage.getOrDefault(id, List.of())));
            matching.sort(BEST_FIRST);
            Set<SkillRef> seen = new LinkedHashSet<>();
            List<SuggestedSkill> kept = new ArrayList<>();
            for (SuggestedSkill row : matching) {
                if (kept.size() < limit && seen.add(row.skill())) {
                    kept.add(row);
                }
            }
            result.add(new PackageSuggestions(query, kept));
        }
        return result;
    }

    /**
     * Sets a manual mapping of the package to the skill, replacing the pair's mapping (inferred or manual): inference
     * never changes it again.
     *
     * @throws NoSuchSkillException when the skill does not exist
     */
    public void map(PackageId pkg, SkillRef ref, double confidence, String reason) {
        database.write("mapping " + pkg + " to " + ref, handle -> {
            UUID skillId = InstallationStore.findSkillId(handle, ref).orElseThrow(() -> new NoSuchSkillException(ref));
            handle.createUpdate("DELETE FROM package_mappings WHERE ecosystem = :ecosystem AND name = :name"
                            + " AND skill_id = :skill")
                    .bind("ecosystem", pkg.ecosystem().id()).bind("name", pkg.name()).bind("skill", skillId)
                    .execute();
            handle.createUpdate("""
                            INSERT INTO package_mappings (ecosystem, name, skill_id, confidence, source, reason)
                            VALUES (:ecosystem, :name, :skill, :confidence, 'manual', :reason)""")
                    .bind("ecosystem", pkg.ecosystem().id()).bind("name", pkg.name()).bind("skill", skillId)
                    .bind("confidence", confidence).bind("reason", reason).execute();
            AuditLog.append(handle, AuditEntry.skill("mapping.set", ref, Map.of("package", pkg.toString(),
                    "confidence", confidence, "reason", reason)));
            return null;
        });
    }

    /**
     * Infers the mappings of every skill again from its latest version (after the alias file changed, or for a
     * database published to before mappings existed); manual mappings stay.
     *
     * @return how many skills were read
     */
    public int rebuildInferred() {
        return database.write("rebuilding inferred package mappings", handle -> {
            List<Latest> skills = handle.createQuery("""
                            SELECT s.id, s.name, s.description, v.frontmatter
                            FROM skills s
                            JOIN skill_versions v ON v.skill_id = s.id AND v.version = s.latest_version""")
                    .map((rs, ctx) -> new Latest(Columns.uuid(rs, "id", ctx), rs.getString("name"),
                            rs.getString("description"), rs.getString("frontmatter"))).list();
            var tags = TagRows.of(handle, skills.stream().map(Latest::id).toList());
            for (Latest skill : skills) {
                MappingRows.infer(handle, skill.id(), inference, skill.name(), tags.getOrDefault(skill.id(),
                        List.of()), skill.description(), skill.frontmatter());
            }
            AuditLog.append(handle, new AuditEntry("mapping.rebuild", "registry", "*", java.util.Optional.empty(),
                    Map.of("skills", skills.size())));
            return skills.size();
        });
    }

    private record Latest(UUID id, String name, String description, String frontmatter) {
    }

    private static SuggestedSkill map(ResultSet rs) throws SQLException {
        PackageId pkg = new PackageId(Ecosystem.find(rs.getString("ecosystem")).orElseThrow(),
                rs.getString("package_name"));
        return new SuggestedSkill(new SkillRef(rs.getString("namespace_name"), rs.getString("skill_name")),
                rs.getString("title"), rs.getString("description"), Columns.optional(rs, "latest_version"),
                rs.getLong("installs"), pkg, rs.getDouble("confidence"), rs.getString("source"),
                rs.getString("reason"));
    }
}
