package dev.skillbase.audit;

import dev.skillbase.registry.SkillRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of state to append to the audit log: what was done ({@code action}, such as {@code skill.publish}), to
 * what ({@code targetType} and {@code target}, such as {@code skill} and {@code acme/pdf-tools}), in which namespace
 * (what lets a namespace's owners read the entry; empty for tokens and users) and the details, a JSON object. Who and
 * when are added by {@link AuditLog#append}.
 */
public record AuditEntry(String action, String targetType, String target, Optional<String> namespace,
        Map<String, Object> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(namespace, "namespace");
        Map<String, Object> present = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (value != null) { // an absent detail is left out rather than written as null
                present.put(key, value);
            }
        });
        details = Collections.unmodifiableMap(present);
    }

    /** A change to a skill (its versions, tags, mappings, reviews). */
    public static AuditEntry skill(String action, SkillRef ref, Map<String, Object> details) {
        return new AuditEntry(action, "skill", ref.toString(), Optional.of(ref.namespace()), details);
    }

    /** A change to a namespace (its creation, its members). */
    public static AuditEntry namespace(String action, String namespace, Map<String, Object> details) {
        return new AuditEntry(action, "namespace", namespace, Optional.of(namespace), details);
    }

    /** A change to a token. */
    public static AuditEntry token(String action, long tokenId, Map<String, Object> details) {
        return new AuditEntry(action, "token", String.valueOf(tokenId), Optional.empty(), details);
    }

    /** A change to a user. */
    public static AuditEntry user(String action, String user, Map<String, Object> details) {
        return new AuditEntry(action, "user", user, Optional.empty(), details);
    }
}
