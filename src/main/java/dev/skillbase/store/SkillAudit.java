package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** The audit entries of a patch to a skill's record: its status, its visibility, and its other fields apart. */
final class SkillAudit {
    private SkillAudit() {
    }

    /**
     * Appends {@code skill.status} and {@code skill.visibility} when they changed ({@code from} and {@code to}), and
     * {@code skill.update} naming the other fields the patch set ({@code updated_at} aside).
     */
    static void updated(Handle handle, SkillRef ref, SkillPatch patch, Map<String, Object> before,
            Set<String> columns) {
        patch.status().filter(status -> !status.equals(before.get("status"))).ifPresent(status -> AuditLog.append(
                handle, AuditEntry.skill("skill.status", ref, Map.of("from", before.get("status"), "to", status))));
        patch.visibility().filter(v -> !v.equals(before.get("visibility"))).ifPresent(v -> AuditLog.append(handle,
                AuditEntry.skill("skill.visibility", ref, Map.of("from", before.get("visibility"), "to", v))));
        List<String> fields = columns.stream()
                .filter(c -> !List.of("status", "visibility", "updated_at").contains(c))
                .map(c -> c.equals("taxonomy_path") ? "category" : c)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (patch.tags().isPresent()) {
            fields.add("tags");
        }
        if (!fields.isEmpty()) {
            AuditLog.append(handle, AuditEntry.skill("skill.update", ref, Map.of("fields", fields)));
        }
    }
}
