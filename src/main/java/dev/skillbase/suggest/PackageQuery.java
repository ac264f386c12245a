package dev.skillbase.suggest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A package as asked for: {@code npm:react}, or a bare name ({@code next}) that matches the name in every
 * ecosystem. A leading word is read as an ecosystem only when it is one ({@code maven:GROUP:ARTIFACT} keeps its
 * colons in the name).
 */
public record PackageQuery(Optional<Ecosystem> ecosystem, String name) {
    public PackageQuery {
        String given = name;
        name = ecosystem.map(e -> e.normalise(given)).orElse(given.strip());
    }

    /**
     * Reads {@code [ECOSYSTEM:]NAME}.
     *
     * @throws InvalidPackageException naming what is wrong
     */
    public static PackageQuery parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.indexOf(':');
        Optional<Ecosystem> ecosystem = colon > 0 ? Ecosystem.find(value.substring(0, colon)) : Optional.empty();
        if (colon > 0 && ecosystem.isEmpty() && !value.substring(0, colon).contains(".")) {
            throw new InvalidPackageException(text, "package \"" + text + "\" names an unknown ecosystem \""
                    + value.substring(0, colon) + "\": use one of " + Ecosystem.ids());
        }
        String name = ecosystem.isPresent() ? value.substring(colon + 1) : value;
        checkName(text, name, ecosystem);
        return new PackageQuery(ecosystem, name);
    }

    static void checkName(String text, String name, Optional<Ecosystem> ecosystem) {
        if (name.isBlank()) {
            throw new InvalidPackageException(text, "package \"" + text + "\" has an empty name");
        }
        if (!PackageId.validName(name.strip())) {
            throw new InvalidPackageException(text, "package \"" + text + "\" is not a valid package name: at most "
                    + PackageId.MAX_NAME + " characters, " + PackageId.nameRule());
        }
        if (name.contains("*") && !(ecosystem.equals(Optional.of(Ecosystem.MAVEN)) && name.strip().endsWith(":*")
                && name.indexOf('*') == name.length() - 1)) {
            throw new InvalidPackageException(text, "package \"" + text + "\" has a '*': only a whole Maven group"
                    + " (maven:GROUP:*) may be written with one");
        }
    }

    /**
     * The stored packages that answer this query: the package in each candidate ecosystem (the one given, or all),
     * and for a Maven artifact its group wildcard {@code GROUP:*}.
     */
    public Set<PackageId> candidates() {
        Set<PackageId> candidates = new LinkedHashSet<>();
        for (Ecosystem candidate : ecosystem.map(List::of).orElse(List.of(Ecosystem.values()))) {
            PackageId id = new PackageId(candidate, name);
            candidates.add(id);
            id.group().ifPresent(candidates::add);
        }
        return candidates;
    }

    /** The names of {@link #candidates}, as stored. */
    public Set<String> lookupNames() {
        Set<String> names = new LinkedHashSet<>();
        candidates().forEach(id -> names.add(id.name()));
        return names;
    }

    /** Whether a mapping of {@code id} answers this query: the same package, or the Maven group of this artifact. */
    public boolean matches(PackageId id) {
        return candidates().contains(id);
    }

    @Override
    public String toString() {
        return ecosystem.map(e -> e.id() + ":").orElse("") + name;
    }
}
