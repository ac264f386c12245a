package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.DbKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Tokens never reach the logs: the access line holds method, path, status, time and request id only. */
class AccessLogIT {

    @Test
    void the_access_logger_is_on_and_never_prints_the_bearer_token() throws Exception {
        Properties config = new Properties();
        try (var in = AccessLog.class.getResourceAsStream("/simplelogger.properties")) {
            config.load(in);
        }
        assertThat(config.getProperty("org.slf4j.simpleLogger.log." + AccessLog.LOGGER)).isEqualTo("info");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer t = TestServer.start(DbKind.SQLITE)) {
            Actors actors = Actors.in(t);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            t.call("GET", "/api/v1/skills/acme/pdf-tools?token=" + actors.max, actors.max, null);
            t.call("GET", "/api/v1/skills", "sb_forgedforgedforgedforgedforgedforgedforged1", null);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("GET /api/v1/skills/acme/pdf-tools 200", "GET /api/v1/skills 401")
                .doesNotContain("sb_").doesNotContain("token=");
        // the logger's own format, written by the access log's thread; every line is out once the server closed
        assertThat(log.lines().filter(l -> l.contains(AccessLog.LOGGER)))
                .anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4} INFO "
                        + "skillbase\\.access - GET /api/v1/skills 401 \\d+\\.\\dms id=[0-9a-f-]{36}"));
    }
}
