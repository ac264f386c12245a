package dev.skillbase.cli;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.search.MatchVectors;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skillbase serve}: runs the registry server until the process is told to stop (SIGTERM, Ctrl-C); then it
 * stops taking connections, lets requests in flight finish (bounded by --shutdown-timeout), closes the database and
 * exits. A JVM ended by SIGTERM exits with 143 (128 + 15) even after a clean stop, so 143 is the normal exit code.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the skillbase registry server: API v1 under /api/v1, /health, /ready.",
            "Each option can also be set with the environment variable shown; an option given on the command line wins.",
            "Changes (publishing, editing skills, namespaces, tokens) need an API token (else 401):"
                    + " Authorization: Bearer <token>. On a new database, create the first admin and their token with"
                    + " 'skillbase admin bootstrap --user NAME --db URL', then users and tokens with"
                    + " 'skillbase user create' and 'skillbase token create'. --allow-anonymous-publish also lets"
                    + " callers without a token publish (tests and single-user local servers only)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "143:stopped by SIGTERM (the normal way to stop it; requests in flight were drained)",
            "2:usage error (a bad port, base URL, database URL or other setting; the message names it)",
            "3:environment error (database unreachable, address already in use)"
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default 127.0.0.1; env SKILLBASE_HOST).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port, 0 for any free one (default 8080; env SKILLBASE_PORT).")
    String port;

    @Option(names = "--db", paramLabel = "URL", description = "Database: an SQLite file path or postgresql://user:pass@host/db "
            + "(default an SQLite file under the user's data folder; env SKILLBASE_DB).")
    String db;

    @Option(names = "--base-url", paramLabel = "URL", description = "Public URL of this server, for absolute links "
            + "(default http://HOST:PORT; env SKILLBASE_BASE_URL).")
    String baseUrl;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", arity = "1..*", description = "Browser origins allowed to "
            + "call the API, or * (default none: CORS off; env SKILLBASE_CORS_ORIGINS, comma-separated).")
    List<String> corsOrigins = List.of();

    @Option(names = "--max-upload-bytes", paramLabel = "N", description = "Largest publish body accepted "
            + "(default 52428800; env SKILLBASE_MAX_UPLOAD_BYTES).")
    String maxUploadBytes;

    @Option(names = "--allow-anonymous-publish", description = "Let callers without a token publish (tests and "
            + "local single-user use only; env SKILLBASE_ALLOW_ANONYMOUS_PUBLISH=true).")
    boolean allowAnonymousPublish;

    @Option(names = "--allow-exec", description = "Run skills on request (POST /api/v1/skills/NS/NAME/execute), "
            + "always in the bubblewrap sandbox, which must be installed (env SKILLBASE_ALLOW_EXEC=true).")
    boolean allowExec;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS", description = "How long a stop waits for requests "
            + "in flight (default 10; env SKILLBASE_SHUTDOWN_TIMEOUT).")
    String shutdownTimeout;

    @Option(names = "--match-vectors", paramLabel = "on|off", description = "Match tasks by meaning as well as by "
            + "keywords, with an in-process sentence model (about 2 s of CPU and 200 MB to load, vectors computed in "
            + "the background after publishes); off: keywords alone (default on; env SKILLBASE_MATCH_VECTORS).")
    String matchVectors;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.resolve(new ServerSettings.Flags(Optional.ofNullable(host),
                Optional.ofNullable(port), Optional.ofNullable(db), Optional.ofNullable(baseUrl), corsOrigins,
                Optional.ofNullable(maxUploadBytes), allowAnonymousPublish, Optional.ofNullable(shutdownTimeout),
                allowExec),
                System.getenv());
        LocalRegistry registry = LocalRegistry.open(settings.database(), Clock.systemUTC(), matchVectors());
        SkillbaseServer server;
        try {
            server = SkillbaseServer.start(settings, registry);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                registry.close();
                stopped.countDown();
            }
        }, "skillbase-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("skillbase listening on " + server.url());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private MatchVectors matchVectors() {
        boolean flag = matchVectors != null;
        String value = flag ? matchVectors : System.getenv().getOrDefault("SKILLBASE_MATCH_VECTORS", "on");
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on" -> MatchVectors.IN_BACKGROUND;
            case "off" -> MatchVectors.OFF;
            default -> throw new UsageException((flag ? "--match-vectors" : "SKILLBASE_MATCH_VECTORS")
                    + " must be on or off, got '" + value + "'");
        };
    }
}
