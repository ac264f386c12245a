package dev.skillbase.audit;

import java.time.Instant;
import java.util.Optional;

/** An entry as the audit log holds it; {@code detailsJson} is a JSON object. */
public record AuditRecord(long id, Instant at, String actor, String action, String targetType, String target,
        Optional<String> namespace, String detailsJson) {
}
