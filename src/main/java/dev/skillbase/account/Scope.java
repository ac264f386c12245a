package dev.skillbase.account;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may be used for: {@code read} (see what its user may see), {@code publish} (every change its user
 * may make), {@code admin} (an admin's powers; only admins' tokens may carry it).
 */
public enum Scope {
    READ,
    PUBLISH,
    ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Scopes from a comma-separated list ({@code publish,read}).
     *
     * @throws InvalidAccountInputException naming {@code field} when one is unknown or the list is empty
     */
    public static Set<Scope> parseList(String text, String field) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : (text == null ? "" : text).split(",")) {
            String wanted = part.strip().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) {
                continue;
            }
            Scope found = null;
            for (Scope scope : values()) {
                if (scope.wire().equals(wanted)) {
                    found = scope;
                }
            }
            if (found == null) {
                throw new InvalidAccountInputException(field, "invalid-scope",
                        "scope \"" + part.strip() + "\" is not one of read, publish, admin");
            }
            scopes.add(found);
        }
        if (scopes.isEmpty()) {
            throw new InvalidAccountInputException(field, "scopes-missing",
                    "no scope given: name one or more of read, publish, admin");
        }
        return scopes;
    }

    /** The stored and printed form: {@code read,publish}, in declaration order. */
    public static String join(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(","));
    }
}
