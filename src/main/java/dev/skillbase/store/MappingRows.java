package dev.skillbase.store;

import dev.skillbase.suggest.InferredMapping;
import dev.skillbase.suggest.PackageInference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A skill's inferred package mappings, rewritten inside the caller's transaction; manual ones are left alone. */
final class MappingRows {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_REASON = 500;

    private MappingRows() {
    }

    /** Replaces the skill's inferred mappings with what {@code inference} reads from it now. */
    static void infer(Handle handle, UUID skillId, PackageInference inference, String name, Collection<String> tags,
            String description, String frontmatterJson) {
        handle.createUpdate("DELETE FROM package_mappings WHERE skill_id = :skill AND source = 'inferred'")
                .bind("skill", skillId).execute();
        var mappings = inference.infer(name, tags, description, metadata(frontmatterJson));
        if (mappings.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO package_mappings (ecosystem, name, skill_id, confidence, source, reason)
                VALUES (:ecosystem, :name, :skill, :confidence, 'inferred', :reason)
                ON CONFLICT (name, ecosystem, skill_id) DO NOTHING""");
        for (InferredMapping mapping : mappings) {
            String reason = mapping.reason();
            batch.bind("ecosystem", mapping.pkg().ecosystem().id()).bind("name", mapping.pkg().name())
                    .bind("skill", skillId).bind("confidence", mapping.confidence())
                    .bind("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                    .add();
        }
        batch.execute();
    }

    /**
     * The frontmatter's {@code metadata}, string values only (what the spec allows); empty when there is none.
     * The JSON is the store's own (written by the publisher from parsed frontmatter).
     */
    static Map<String, String> metadata(String frontmatterJson) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = MAPPER.readTree(frontmatterJson).path("metadata");
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isString()) {
                metadata.put(entry.getKey(), entry.getValue().asString());
            }
        }
        return metadata;
    }
}
