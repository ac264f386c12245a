package dev.skillbase.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object request body, read field by field: each accessor checks its field and records a {@link FieldError}
 * instead of failing, so that {@link #done()} can report every problem in one 422. Not thread-safe (one per request).
 */
final class JsonBody {
    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /**
     * @throws UnsupportedBodyTypeException when the body is not {@code application/json} (415)
     * @throws tools.jackson.core.JacksonException when it is not JSON (400)
     * @throws InvalidBodyException when it is not an object or has fields outside {@code known} (422)
     */
    static JsonBody read(Context ctx, Set<String> known) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new UnsupportedBodyTypeException(type);
        }
        JsonNode node = Json.MAPPER.readTree(ctx.bodyAsBytes());
        if (node == null || !node.isObject()) {
            throw new InvalidBodyException(List.of(new FieldError("", "not-an-object",
                    "the body must be a JSON object")));
        }
        JsonBody body = new JsonBody(node);
        node.propertyNames().forEach(name -> {
            if (!known.contains(name)) {
                body.error(name, "unknown-field", "unknown field " + name + "; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        });
        return body;
    }

    void error(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    /** The field is present as JSON {@code null}. */
    boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** The field's JSON value as sent, whatever its type. */
    Optional<JsonNode> value(String field) {
        return has(field) ? Optional.of(node.get(field)) : Optional.empty();
    }

    Optional<String> text(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            error(field, "not-a-string", field + " must be a string");
            return Optional.empty();
        }
        return Optional.of(value.asString().strip());
    }

    Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            error(field, "not-a-boolean", field + " must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.asBoolean());
    }

    /** A number from {@code min} to {@code max}. */
    Optional<Double> number(String field, double min, double max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            error(field, "out-of-range", field + " must be a number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.asDouble());
    }

    /** A string that must be one of {@code allowed}. */
    Optional<String> choice(String field, List<String> allowed) {
        Optional<String> value = text(field).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isPresent() && !allowed.contains(value.get())) {
            error(field, "invalid-" + field, field + " \"" + value.get() + "\" is not one of "
                    + String.join(", ", allowed));
            return Optional.empty();
        }
        return value;
    }

    Optional<String> matching(String field, String regex, String rule) {
        Optional<String> value = text(field);
        if (value.isPresent() && !value.get().isEmpty() && !value.get().matches(regex)) {
            error(field, "invalid-" + field, field + " \"" + value.get() + "\" is not valid: " + rule);
            return Optional.empty();
        }
        return value;
    }

    Optional<List<String>> strings(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> {
                if (item.isString()) {
                    items.add(item.asString().strip());
                }
            });
        }
        if (!value.isArray() || items.size() != value.size()) {
            error(field, "not-a-string-list", field + " must be a list of strings");
            return Optional.empty();
        }
        return Optional.of(items);
    }

    /** A whole number from {@code min} to {@code max}. */
    Optional<Integer> integer(String field, int min, int max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            error(field, "invalid-" + field, field + " must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(value.asInt());
    }

    /** Tags: lower-case words with hyphens, at most 20, no repeats. */
    Optional<List<String>> tags(String field) {
        Optional<List<String>> tags = strings(field).map(list -> list.stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList());
        if (tags.isPresent() && (tags.get().size() > 20
                || !tags.get().stream().allMatch(t -> t.matches("[a-z0-9]+(-[a-z0-9]+)*") && t.length() <= 64))) {
            error(field, "invalid-tags", field + " must be at most 20 lower-case words (letters, digits, hyphens)");
            return Optional.empty();
        }
        return tags;
    }

    /** @throws InvalidBodyException when any field was wrong */
    void done() {
        if (!errors.isEmpty()) {
            throw new InvalidBodyException(errors);
        }
    }
}
