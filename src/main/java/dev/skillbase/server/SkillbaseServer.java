package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.skill.ArchiveLimits;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The registry's HTTP server: Javalin on Jetty with virtual threads, API v1 over one {@link LocalRegistry}. Start it with
 * {@link #start}; {@link #close} stops it gracefully (new connections refused, requests in flight given up to
 * {@link ServerSettings#shutdownTimeout()} to finish). The registry belongs to the caller, who closes it after.
 * Thread-safe.
 */
public final class SkillbaseServer implements AutoCloseable {
    /** One registered route, as Javalin knows it ({@code {param}} and {@code <path>} placeholders). */
    public record Route(String method, String path) {
    }

    private final Javalin app;
    private final HealthHandlers health;
    private final ReadCaches caches;
    private final AccessLog accessLog;
    private final EventRecorder events;
    private final List<Route> routes;
    private final URI url;

    private SkillbaseServer(Javalin app, HealthHandlers health, ReadCaches caches, AccessLog accessLog,
            EventRecorder events, List<Route> routes, URI url) {
        this.app = app;
        this.health = health;
        this.caches = caches;
        this.accessLog = accessLog;
        this.events = events;
        this.routes = List.copyOf(routes);
        this.url = url;
    }

    /**
     * Binds and starts the server, with authentication by the registry's API tokens; publishing without a token is
     * allowed only when {@link ServerSettings#allowAnonymousPublish()}.
     *
     * @throws io.javalin.util.JavalinBindException when the address is taken or not allowed
     */
    public static SkillbaseServer start(ServerSettings settings, LocalRegistry registry) {
        return start(settings, registry, null);
    }

    /** As {@link #start(ServerSettings, LocalRegistry)}, with another guard for publishing (null: the tokens'). */
    public static SkillbaseServer start(ServerSettings settings, LocalRegistry registry, PublishGuard guard) {
        Callers callers = new Callers(registry.accounts());
        PublishGuard chosen = guard != null ? guard : new AccountsPublishGuard(callers,
                new Access(registry.accounts()), settings.allowAnonymousPublish());
        List<Route> routes = new CopyOnWriteArrayList<>();
        EventRecorder events = EventRecorder.start(registry.analytics(), Clock.systemUTC(),
                EventRecorder.DEFAULT_CAPACITY);
        HealthHandlers health = new HealthHandlers(registry, events);
        LinksHolder links = new LinksHolder();
        ReadCaches caches = ReadCaches.start(registry, links::get);
        AccessLog accessLog = AccessLog.start();
        Javalin app = Javalin.create(config -> {
            config.requestLogger.http(accessLog::log);
            configure(config, settings, registry, callers, chosen, health, links, caches, events, routes);
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            health.close();
            caches.close();
            accessLog.close();
            events.close();
            throw e;
        }
        URI url = URI.create("http://" + (settings.host().contains(":") && !settings.host().startsWith("[")
                ? "[" + settings.host() + "]" : settings.host()) + ":" + app.port());
        links.base = settings.baseUrl().orElse(url);
        return new SkillbaseServer(app, health, caches, accessLog, events, routes, url);
    }

    /** The base URL is known only once the port is bound; handlers read it per request. */
    private static final class LinksHolder {
        private volatile URI base;

        Links get() {
            return new Links(base);
        }
    }

    private static void configure(JavalinConfig config, ServerSettings settings, LocalRegistry registry,
            Callers callers, PublishGuard guard, HealthHandlers health, LinksHolder links, ReadCaches caches,
            EventRecorder events, List<Route> routes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxUploadBytes();
        config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
        config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, settings.maxUploadBytes()),
                io.javalin.config.SizeUnit.BYTES);
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
            server.setHandler(new GracefulHandler());
        });
        if (!settings.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (settings.corsOrigins().contains("*")) {
                    rule.anyHost();
                } else {
                    settings.corsOrigins().forEach(rule::allowHost);
                }
                rule.exposeHeader("ETag");
                rule.exposeHeader(RequestIds.HEADER);
                rule.exposeHeader("Location");
            }));
        }
        config.events.handlerAdded(meta -> {
            if (meta.getHttpMethod().isHttpMethod()) {
                routes.add(new Route(meta.getHttpMethod().name(), meta.getPath()));
            }
        });
        ProblemResponder problems = new ProblemResponder(Json.MAPPER);
        config.routes.exception(HttpResponseException.class, problems::respond);
        config.routes.exception(Exception.class, problems::respond);
        config.routes.before(ctx -> {
            RequestIds.of(ctx);
            ctx.header("X-Content-Type-Options", "nosniff");
        });
        ApiRoutes.register(config.routes, registry, callers, guard, health, links::get, settings, validator(),
                reader(), caches.skills(), caches.pages(), caches.suggestions(), events);
    }

    private static Validator validator() {
        return new Validator(ValidationMode.STRICT, BundleLimits.DEFAULT);
    }

    private static ArchiveReader reader() {
        return new ArchiveReader(ArchiveLimits.DEFAULT);
    }

    public int port() {
        return app.port();
    }

    /** {@code http://host:port} as bound (the real port when 0 was asked for). */
    public URI url() {
        return url;
    }

    /** Every HTTP route registered, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Polls for changes now, as the watcher does each second (tests call it after their writes, so that the watcher's
     * own poll finds nothing left to report while they count cache hits).
     */
    void pollChanges() {
        caches.pollChanges();
    }

    /** The cache of package-to-skills answers (tests read its hits). */
    SuggestionCache suggestionCache() {
        return caches.suggestions();
    }

    /** The analytics events' recorder (tests wait on it). */
    EventRecorder events() {
        return events;
    }

    /** Stops gracefully, then writes the analytics events still queued; idempotent. */
    @Override
    public void close() {
        app.stop();
        health.close();
        caches.close();
        accessLog.close();
        events.close();
    }
}
