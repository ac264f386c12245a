package dev.skillbase.exec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded run as the CLI ({@code run --json}) and the API print it. {@code inputs} and {@code outputs} are the
 * JSON values when kept whole and valid, else the kept text (a string); {@code *_truncated} says the log cut them.
 */
public record ExecutionView(
        String id,
        String skill,
        String version,
        String runner,
        String status,
        boolean sandboxed,
        Integer exitCode,
        String message,
        Object inputs,
        long inputsBytes,
        boolean inputsTruncated,
        Object outputs,
        Long outputsBytes,
        boolean outputsTruncated,
        String stderrTail,
        long durationMs,
        String startedAt,
        String endedAt) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static ExecutionView of(Execution e) {
        return new ExecutionView(e.id().toString(), e.skill().toString(), e.version(), e.runner(), e.status().wire(),
                e.sandboxed(), e.exitCode().orElse(null), e.message(), value(e.inputs()), e.inputs().bytes(),
                e.inputs().truncated(), e.outputs().map(ExecutionView::value).orElse(null),
                e.outputs().map(Captured::bytes).orElse(null), e.outputs().map(Captured::truncated).orElse(false),
                e.stderrTail(), e.duration().toMillis(), e.startedAt().toString(), e.endedAt().toString());
    }

    private static Object value(Captured captured) {
        if (captured.truncated() || captured.text().isBlank()) {
            return captured.text();
        }
        try {
            return JSON.readTree(captured.text());
        } catch (JacksonException e) {
            return captured.text();
        }
    }
}
