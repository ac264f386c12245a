package dev.skillbase.registry;

/** A page of results and the facets of all the results, of which it is one page. */
public record Faceted<T>(Page<T> page, Facets facets) {
}
