package dev.skillbase.search;

import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.store.Database;
import dev.skillbase.store.SearchIndexer;
import dev.skillbase.store.SkillFilter;
import dev.skillbase.store.SkillRows;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The skills nearest a task by meaning: the task's sentence vector against the vectors of the skills'
 * {@link EmbeddingText}s ({@code skill_embeddings}), kept in memory and read again only as far as they changed.
 * Vectors are computed off the publish path, by {@link #embedPending} (called by each match when
 * {@code embedOnMatch}, else by {@link BackgroundEmbedding}); a publish or edit that changes a skill's text deletes
 * its vector ({@link #staleVectors}). Thread-safe.
 */
public final class SemanticMatch {
    /** Skills embedded per round: one read, one model call, one short write transaction. */
    static final int BATCH = 64;
    /** Below this cosine a skill is not near the task at all (unrelated texts score 0 to 0.2 with this model). */
    static final double MIN_SIMILARITY = 0.2;
    /** Vectors stored this long before the newest one seen are read again: a late commit is not missed. */
    private static final long LOOKBACK_MILLIS = 10_000;

    private final Database database;
    private final SentenceEmbedder embedder;
    private final EmbeddingStore store = new EmbeddingStore(SentenceEmbedder.MODEL);
    private final Clock clock;
    private final boolean embedOnMatch;
    private final Object embedding = new Object();
    private volatile VectorIndex index = VectorIndex.EMPTY;
    private EmbeddingStore.Stamp seen = new EmbeddingStore.Stamp(0, 0, 0);

    public SemanticMatch(Database database, SentenceEmbedder embedder, Clock clock, boolean embedOnMatch) {
        this.database = database;
        this.embedder = embedder;
        this.clock = clock;
        this.embedOnMatch = embedOnMatch;
    }

    /** What deletes a skill's vectors, in the publish's transaction, when the text they were computed from changed. */
    public static SearchIndexer staleVectors() {
        return (handle, skillId, document) -> EmbeddingStore.invalidate(handle, skillId,
                EmbeddingText.of(document.name(), document.title(), document.description()));
    }

    /**
     * Computes and stores the vector of every skill without a current one, {@link #BATCH} at a time, each batch in
     * its own short write transaction (the model runs outside it).
     *
     * @return how many vectors were stored
     */
    public int embedPending() {
        synchronized (embedding) {
            int stored = 0;
            while (!database.read("counting skill vectors", store::stamp).complete()) {
                List<EmbeddingStore.Pending> batch = database.read("finding skills without vectors",
                        handle -> store.pending(handle, BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                List<float[]> vectors = embedder.embedAll(batch.stream().map(p -> p.text().text()).toList());
                int saved = database.write("storing skill vectors",
                        handle -> store.save(handle, batch, vectors, clock.millis()));
                stored += saved;
                if (saved == 0) {
                    break;    // every skill of the batch changed meanwhile: the next call takes them again
                }
            }
            return stored;
        }
    }

    /**
     * The skills {@code query} lets its viewer see (with its filters) whose vectors are nearest {@code task}, at
     * most {@code limit}, nearest first; none below {@link #MIN_SIMILARITY}.
     */
    public List<SkillSummary> neighbours(String task, SkillQuery query, int limit) {
        if (embedOnMatch) {
            embedPending();
        }
        VectorIndex current = sync();
        if (current.size() == 0) {
            return List.of();
        }
        // a few more than asked for: some are hidden from the viewer or filtered out
        List<VectorIndex.Neighbour> near = current.nearest(embedder.embedTask(task), limit * 4).stream()
                .filter(n -> n.similarity() >= MIN_SIMILARITY)
                .toList();
        if (near.isEmpty()) {
            return List.of();
        }
        SkillFilter filter = SkillFilter.of(query);
        Map<UUID, SkillRows.Row> rows = new HashMap<>();
        return database.read("finding the skills nearest a task", handle -> {
            handle.createQuery("SELECT " + SkillRows.COLUMNS + " FROM " + SkillRows.FROM
                            + " WHERE s.id IN (<ids>) AND " + filter.where())
                    .bindList("ids", near.stream().map(VectorIndex.Neighbour::skillId).toList())
                    .bindMap(filter.parameters())
                    .map(SkillRows::map)
                    .forEach(row -> rows.put(row.id(), row));
            List<SkillRows.Row> ordered = new ArrayList<>();
            for (VectorIndex.Neighbour n : near) {
                SkillRows.Row row = rows.get(n.skillId());
                if (row != null && ordered.size() < limit) {
                    ordered.add(row);
                }
            }
            return SkillRows.withTags(handle, ordered);
        });
    }

    /** Reads the vectors stored since the last look (all of them when the count says some were lost). */
    private synchronized VectorIndex sync() {
        EmbeddingStore.Stamp stamp = database.read("counting skill vectors", store::stamp);
        if (stamp.equals(seen)) {
            return index;
        }
        VectorIndex next = index.with(database.read("reading skill vectors",
                handle -> store.since(handle, Math.max(0, seen.latest() - LOOKBACK_MILLIS))));
        if (stamp.complete() && next.size() != stamp.vectors()) {
            // vectors of skills gone, or read by another process's clock out of our window: read them all again
            next = VectorIndex.EMPTY.with(database.read("reading skill vectors", handle -> store.since(handle, 0)));
        }
        index = next;
        seen = stamp;
        return next;
    }
}
