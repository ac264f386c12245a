package dev.skillbase.exec;

import com.networknt.schema.Schema;
import dev.skillbase.skill.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a skill runs, read from {@value #FILE} beside its {@code SKILL.md}:
 *
 * <pre>{@code
 * {
 *   "command": ["python3", "scripts/word_count.py"],
 *   "input":  {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
 *   "output": {"type": "object", "required": ["words"], "properties": {"words": {"type": "integer"}}},
 *   "timeout_seconds": 10, "memory_mb": 256, "max_output_kb": 1024, "max_processes": 32
 * }
 * }</pre>
 *
 * {@code command}'s first word is a program on the sandbox's {@code PATH} ({@code /usr/bin}) or a file of the bundle
 * (a relative path with a {@code /}); the rest are its arguments; it starts in the bundle's folder. {@code input}
 * and {@code output} are JSON Schemas (Draft 2020-12). The limits are optional.
 */
public record RunManifest(
        List<String> command,
        JsonNode inputSchema,
        JsonNode outputSchema,
        Schema input,
        Schema output,
        Duration timeout,
        long memoryBytes,
        long maxOutputBytes,
        int maxProcesses) {

    public static final String FILE = "skill.run.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("command", "input", "output", "timeout_seconds", "memory_mb",
            "max_output_kb", "max_processes");
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Map<String, long[]> LIMITS = Map.of(
            // field -> {minimum, maximum, default}
            "timeout_seconds", new long[] {1, 600, 30},
            "memory_mb", new long[] {16, 8192, 512},
            "max_output_kb", new long[] {1, 65536, 1024},
            "max_processes", new long[] {1, 1024, 64});

    public RunManifest {
        command = List.copyOf(command);
    }

    /** Whether the program is a file of the bundle (rather than one on the sandbox's PATH). */
    public boolean entryInBundle() {
        return command.getFirst().contains("/");
    }

    /**
     * Reads and checks a manifest; every problem is reported at once.
     *
     * @param skill the skill and version, for messages
     * @param files the paths of the bundle's files: a program given as a path must be one of them
     * @throws InvalidRunManifestException naming each field that is wrong
     */
    public static RunManifest parse(String skill, byte[] content, Set<String> files) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            throw new InvalidRunManifestException(skill, List.of(Problem.error(FILE, "malformed-json",
                    "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRunManifestException(skill, List.of(Problem.error(FILE, "not-an-object",
                    "expected a JSON object with command, input and output")));
        }
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(Problem.error(name, "unknown-field", "unknown field; expected one of "
                        + String.join(", ", FIELDS.stream().sorted().toList())));
            }
        }
        List<String> command = command(root.get("command"), files, problems);
        JsonNode input = schema(root, "input", problems);
        JsonNode output = schema(root, "output", problems);
        long timeout = limit(root, "timeout_seconds", problems);
        long memory = limit(root, "memory_mb", problems);
        long maxOutput = limit(root, "max_output_kb", problems);
        long processes = limit(root, "max_processes", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRunManifestException(skill, problems);
        }
        return new RunManifest(command, input, output, compile(skill, "input", input),
                compile(skill, "output", output), Duration.ofSeconds(timeout), memory * 1024 * 1024,
                maxOutput * 1024, (int) processes);
    }

    private static List<String> command(JsonNode node, Set<String> files, List<Problem> problems) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 64) {
            problems.add(Problem.error("command", "invalid-command",
                    "expected an array of 1 to 64 strings: the program and its arguments"));
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (JsonNode word : node) {
            if (!word.isString() || word.asString().isEmpty() || word.asString().length() > 4096
                    || word.asString().indexOf('\0') >= 0) {
                problems.add(Problem.error("command", "invalid-command",
                        "every word must be a non-empty string of at most 4096 characters"));
                return List.of();
            }
            words.add(word.asString());
        }
        String program = words.getFirst();
        if (program.contains("/")) {
            if (!files.contains(program)) {
                problems.add(Problem.error("command", "entry-not-in-bundle", "the program \"" + program
                        + "\" is not a file of the bundle (give a path relative to the folder of SKILL.md)"));
            }
        } else if (!PROGRAM.matcher(program).matches()) {
            problems.add(Problem.error("command", "invalid-program", "the program \"" + program
                    + "\" is neither a program name (such as python3) nor a path in the bundle"));
        }
        return words;
    }

    private static JsonNode schema(JsonNode root, String field, List<Problem> problems) {
        JsonNode schema = root.get(field);
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            problems.add(Problem.error(field, "schema-missing", "expected a JSON Schema (Draft 2020-12) object for "
                    + "the " + field));
            return null;
        }
        for (String error : JsonSchemas.metaErrors(schema)) {
            problems.add(Problem.error(field, "invalid-schema", "not a valid JSON Schema: " + error));
        }
        return schema;
    }

    private static long limit(JsonNode root, String field, List<Problem> problems) {
        long[] bounds = LIMITS.get(field);
        JsonNode value = root.get(field);
        if (value == null) {
            return bounds[2];
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < bounds[0]
                || value.asLong() > bounds[1]) {
            problems.add(Problem.error(field, "out-of-range", "expected a whole number from " + bounds[0] + " to "
                    + bounds[1] + " (default " + bounds[2] + ")"));
            return bounds[2];
        }
        return value.asLong();
    }

    private static Schema compile(String skill, String field, JsonNode schema) {
        try {
            return JsonSchemas.compile(schema);
        } catch (RuntimeException e) {
            throw new InvalidRunManifestException(skill, List.of(Problem.error(field, "invalid-schema",
                    "the schema cannot be loaded: " + e.getMessage())));
        }
    }
}
