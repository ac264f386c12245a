package dev.skillbase.search;

/** Whether match fuses keyword ranking with sentence vectors, and who computes the skills' vectors. */
public enum MatchVectors {
    /** Keywords alone (BM25): no model is loaded. What the CLI does on a local database. */
    OFF,
    /** Fused; each match first computes the vectors still missing (the first match on a database takes long). */
    ON_MATCH,
    /** Fused; a background thread computes missing vectors after publishes; a match uses the vectors there are. */
    IN_BACKGROUND
}
