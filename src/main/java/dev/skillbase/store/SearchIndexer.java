package dev.skillbase.store;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Keeps a skill's full-text entry in step, inside the caller's transaction. Implemented per dialect in search. */
public interface SearchIndexer {
    void index(Handle handle, UUID skillId, SearchDocument document);

    /** This indexer, then {@code next}, in the same transaction. */
    default SearchIndexer andThen(SearchIndexer next) {
        return (handle, skillId, document) -> {
            index(handle, skillId, document);
            next.index(handle, skillId, document);
        };
    }
}
