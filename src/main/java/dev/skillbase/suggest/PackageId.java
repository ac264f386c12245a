package dev.skillbase.suggest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A package: an ecosystem plus a name in that ecosystem's spelling ({@code npm:react}, {@code pypi:django},
 * {@code maven:org.springframework.boot:spring-boot-starter-web}). A Maven name is {@code groupId:artifactId};
 * {@code groupId:*} stands for every artifact of the group (used by mappings, never found in a project).
 */
public record PackageId(Ecosystem ecosystem, String name) implements Comparable<PackageId> {
    /** The longest name accepted (npm allows 214; Maven coordinates and Go module paths run longer). */
    public static final int MAX_NAME = 256;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9@._~/:*+-]+");
    private static final String RULE = "letters, digits and . _ ~ / : @ + - (and * as a Maven artifact)";

    public PackageId {
        name = ecosystem.normalise(name);
    }

    /**
     * Reads {@code ECOSYSTEM:NAME}.
     *
     * @throws InvalidPackageException naming what is wrong
     */
    public static PackageId parse(String text) {
        PackageQuery query = PackageQuery.parse(text);
        return query.ecosystem().map(e -> new PackageId(e, query.name())).orElseThrow(() ->
                new InvalidPackageException(text, "package \"" + text + "\" has no ecosystem: write ECOSYSTEM:NAME"
                        + " with ECOSYSTEM one of " + Ecosystem.ids()));
    }

    /** A package of an ecosystem, checked as {@link #parse} checks it. */
    public static PackageId of(Ecosystem ecosystem, String name) {
        PackageQuery.checkName(ecosystem.id() + ":" + name, name, Optional.of(ecosystem));
        return new PackageId(ecosystem, name);
    }

    /** The Maven group wildcard {@code maven:GROUP:*} this artifact belongs to, if it is one. */
    public Optional<PackageId> group() {
        int colon = name.indexOf(':');
        if (ecosystem != Ecosystem.MAVEN || colon < 0 || name.endsWith(":*")) {
            return Optional.empty();
        }
        return Optional.of(new PackageId(Ecosystem.MAVEN, name.substring(0, colon) + ":*"));
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    static String nameRule() {
        return RULE;
    }

    @Override
    public int compareTo(PackageId other) {
        int byEcosystem = ecosystem.compareTo(other.ecosystem);
        return byEcosystem != 0 ? byEcosystem : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return ecosystem.id() + ":" + name;
    }
}
