package dev.skillbase.exec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schema Draft 2020-12 for run manifests: schemas are checked against the draft's meta-schema (shipped in the
 * validator's jar), and nothing is ever fetched over the network ({@code $ref} to a remote URL fails). Thread-safe.
 */
final class JsonSchemas {
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaLoader(loader -> loader
                    .fetchRemoteResources(false)));
    private static final Schema META = REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA));

    private JsonSchemas() {
    }

    /** What is wrong with {@code schema} as a Draft 2020-12 schema; empty when it is one. */
    static List<String> metaErrors(JsonNode schema) {
        return messages(META.validate(schema));
    }

    /**
     * The schema, ready to validate.
     *
     * @throws RuntimeException from the validator when the schema refers to what cannot be loaded
     */
    static Schema compile(JsonNode schema) {
        Schema compiled = REGISTRY.getSchema(schema);
        compiled.initializeValidators();
        return compiled;
    }

    /** Every way {@code instance} fails {@code schema}, each naming where; empty when it fits. */
    static List<String> errors(Schema schema, JsonNode instance) {
        return messages(schema.validate(instance));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(JsonSchemas::message).toList();
    }

    /** "where: what", the root named {@code $} (the validator leaves it empty). */
    private static String message(Error error) {
        String where = String.valueOf(error.getInstanceLocation());
        String text = error.getMessage();
        if (text.startsWith(where + ": ")) {
            text = text.substring(where.length() + 2);
        }
        return (where.isEmpty() ? "$" : where) + ": " + text;
    }
}
