package dev.skillbase.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Reads a token expiry: a number of days ({@code 30d}), a date ({@code 2026-12-31}, its start in UTC) or an instant. */
public final class Expiry {
    private Expiry() {
    }

    /** @throws InvalidAccountInputException naming {@code field} when malformed or not in the future */
    public static Instant parse(String text, Instant now, String field) {
        String value = text.strip();
        Instant at;
        try {
            if (value.matches("[0-9]{1,5}d")) {
                at = now.plus(Long.parseLong(value.substring(0, value.length() - 1)), ChronoUnit.DAYS);
            } else if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                at = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                at = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw invalid(text, field);
        }
        if (!at.isAfter(now)) {
            throw new InvalidAccountInputException(field, "expiry-past", field + " " + text + " is not in the future");
        }
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static InvalidAccountInputException invalid(String text, String field) {
        return new InvalidAccountInputException(field, "invalid-expiry", field + " \"" + text
                + "\" is not a number of days (30d), a date (2026-12-31) or an instant (2026-12-31T12:00:00Z)");
    }
}
