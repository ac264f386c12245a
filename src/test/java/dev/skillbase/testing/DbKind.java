package dev.skillbase.testing;

/** The databases every storage contract test runs against. */
public enum DbKind {
    SQLITE,
    POSTGRESQL
}
