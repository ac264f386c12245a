package dev.skillbase.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The table {@code skill_embeddings}: per skill and model, the vector of the skill's {@link EmbeddingText}, kept
 * only while that text is the skill's (a change deletes it, see {@link #invalidate}). Same SQL on both dialects.
 */
final class EmbeddingStore {
    /** A skill still without a current vector, with the text to embed. */
    record Pending(UUID skillId, EmbeddingText text) {
    }

    /** How many skills there are, how many have a vector of the model, and when the newest was stored. */
    record Stamp(long skills, long vectors, long latest) {
        boolean complete() {
            return vectors >= skills;
        }
    }

    private final String model;

    EmbeddingStore(String model) {
        this.model = model;
    }

    Stamp stamp(Handle handle) {
        return handle.createQuery("""
                        SELECT (SELECT count(*) FROM skills) AS skills,
                               (SELECT count(*) FROM skill_embeddings WHERE model = :model) AS vectors,
                               (SELECT coalesce(max(embedded_at), 0) FROM skill_embeddings
                                WHERE model = :model) AS latest""")
                .bind("model", model)
                .map((rs, ctx) -> new Stamp(rs.getLong("skills"), rs.getLong("vectors"), rs.getLong("latest")))
                .one();
    }

    /** At most {@code limit} skills without a vector of the model. */
    List<Pending> pending(Handle handle, int limit) {
        return handle.createQuery("""
                        SELECT s.id, s.name, s.title, s.description FROM skills s
                        WHERE NOT EXISTS (SELECT 1 FROM skill_embeddings e WHERE e.skill_id = s.id AND e.model = :model)
                        LIMIT :limit""")
                .bind("model", model)
                .bind("limit", limit)
                .map((rs, ctx) -> new Pending(UUID.fromString(rs.getString("id")),
                        EmbeddingText.of(rs.getString("name"), rs.getString("title"), rs.getString("description"))))
                .list();
    }

    /**
     * Stores the vectors of {@code pending} (in the same order) whose skill still has the text they were computed
     * from: a skill republished meanwhile with another text is left without one, for the next round.
     *
     * @return how many were stored
     */
    int save(Handle handle, List<Pending> pending, List<float[]> vectors, long now) {
        Map<UUID, String> current = new HashMap<>();
        handle.createQuery("SELECT id, name, title, description FROM skills WHERE id IN (<ids>)")
                .bindList("ids", pending.stream().map(Pending::skillId).toList())
                .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString("id")), EmbeddingText.of(rs.getString("name"),
                        rs.getString("title"), rs.getString("description")).digest()))
                .forEach(e -> current.put(e.getKey(), e.getValue()));
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO skill_embeddings (skill_id, model, digest, vector, embedded_at)
                VALUES (:skillId, :model, :digest, :vector, :now)
                ON CONFLICT (skill_id, model) DO UPDATE
                SET digest = excluded.digest, vector = excluded.vector, embedded_at = excluded.embedded_at""");
        int stored = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.text().digest().equals(current.get(p.skillId()))) {
                batch.bind("skillId", p.skillId()).bind("model", model).bind("digest", p.text().digest())
                        .bind("vector", bytes(vectors.get(i))).bind("now", now).add();
                stored++;
            }
        }
        if (stored > 0) {
            batch.execute();
        }
        return stored;
    }

    /** The vectors stored at or after {@code since} (epoch milliseconds), by skill. */
    Map<UUID, float[]> since(Handle handle, long since) {
        Map<UUID, float[]> vectors = new HashMap<>();
        handle.createQuery("SELECT skill_id, vector FROM skill_embeddings"
                        + " WHERE model = :model AND embedded_at >= :since")
                .bind("model", model)
                .bind("since", since)
                .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString("skill_id")), floats(rs.getBytes("vector"))))
                .forEach(e -> vectors.put(e.getKey(), e.getValue()));
        return vectors;
    }

    /** Deletes the skill's vectors (of every model) computed from another text than {@code text}. */
    static void invalidate(Handle handle, UUID skillId, EmbeddingText text) {
        handle.createUpdate("DELETE FROM skill_embeddings WHERE skill_id = :skillId AND digest <> :digest")
                .bind("skillId", skillId)
                .bind("digest", text.digest())
                .execute();
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
