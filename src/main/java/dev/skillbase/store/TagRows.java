package dev.skillbase.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Tags and the skills that carry them. */
final class TagRows {
    private TagRows() {
    }

    /** Replaces a skill's tags, keeping their order; tags are created on first use (in name order). */
    static void replace(Handle handle, UUID skillId, List<String> tags) {
        handle.createUpdate("DELETE FROM skill_tags WHERE skill_id = :skillId").bind("skillId", skillId).execute();
        if (tags.isEmpty()) {
            return;
        }
        PreparedBatch create = handle.prepareBatch("INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
        new TreeSet<>(tags).forEach(tag -> create.bind("name", tag).add());
        create.execute();
        PreparedBatch link = handle.prepareBatch("""
                INSERT INTO skill_tags (skill_id, tag_id, position)
                SELECT :skillId, id, :position FROM tags WHERE name = :name""");
        for (int i = 0; i < tags.size(); i++) {
            link.bind("skillId", skillId).bind("position", i).bind("name", tags.get(i)).add();
        }
        link.execute();
    }

    /** The tags of each of the given skills, in their order; skills without tags are absent from the map. */
    static Map<UUID, List<String>> of(Handle handle, Collection<UUID> skillIds) {
        Map<UUID, List<String>> tags = new LinkedHashMap<>();
        if (skillIds.isEmpty()) {
            return tags;
        }
        handle.createQuery("""
                        SELECT st.skill_id, t.name FROM skill_tags st JOIN tags t ON t.id = st.tag_id
                        WHERE st.skill_id IN (<ids>) ORDER BY st.skill_id, st.position""")
                .bindList("ids", new ArrayList<>(skillIds))
                .map((rs, ctx) -> Map.entry(Columns.uuid(rs, "skill_id", ctx), rs.getString("name")))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tags;
    }
}
