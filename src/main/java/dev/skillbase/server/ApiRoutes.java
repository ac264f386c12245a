package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.audit.AuditActor;
import dev.skillbase.install.AgentCatalog;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Validator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Every route of the server in one table, so it reads like the API (and the OpenAPI document). Every GET route is
 * registered through {@link #get} so that it also answers HEAD (Javalin alone answers HEAD with an empty 200 without
 * running the GET handler): the same handler runs, so status and headers are those of GET, and Jetty sends no body.
 */
final class ApiRoutes {
    static final String SKILL = "/api/v1/skills/{namespace}/{name}";
    static final String VERSION = SKILL + "/versions/{version}";
    /** A namespace as a base URL of its own, for discovery clients. */
    static final String NAMESPACE_BASE = "/ns/{namespace}";

    private ApiRoutes() {
    }

    static void register(RoutesConfig routes, LocalRegistry registry, Callers callers, PublishGuard guard,
            HealthHandlers health, Supplier<Links> links, ServerSettings settings, Validator validator,
            ArchiveReader reader, SkillResponseCache skills, PageCache pages, SuggestionCache suggestions,
            EventRecorder events) {
        routes.before("/api/*", callers::authenticate);
        routes.after("/api/*", ctx -> AuditActor.clear());
        ReadHandlers read = new ReadHandlers(registry, links, skills, pages, events);
        Access access = new Access(registry.accounts());
        ArchiveHandler archive = new ArchiveHandler(registry);
        OpenApiHandler openApi = new OpenApiHandler();
        get(routes, "/health", health::health);
        get(routes, "/ready", health::ready);
        get(routes, "/api/v1/openapi.json", openApi::handle);
        get(routes, "/api/v1/stats", read::stats);
        get(routes, "/api/v1/skills", read::list);
        get(routes, SKILL, read::skill);
        get(routes, SKILL + "/versions", read::versions);
        PublishHandler publish = new PublishHandler(registry, guard, new UploadBody(settings.maxUploadBytes()), reader,
                validator, links);
        routes.post(SKILL + "/versions", publish::handle);
        get(routes, VERSION, read::version);
        get(routes, VERSION + "/archive", archive::handle);
        get(routes, VERSION + "/files/<path>", read::file);
        SkillEditHandlers edit = new SkillEditHandlers(registry, access, links);
        routes.post("/api/v1/skills", edit::create);
        routes.patch(SKILL, edit::update);
        routes.delete(SKILL, edit::archive);
        routes.post(VERSION + "/yank", edit::yank);
        routes.delete(VERSION + "/yank", edit::unyank);
        SuggestHandlers suggest = new SuggestHandlers(registry, edit, suggestions, events);
        get(routes, "/api/v1/skills/suggest", suggest::suggest);
        routes.post("/api/v1/skills/bulk-suggest", suggest::bulk);
        get(routes, "/api/v1/packages/{ecosystem}/<name>/skills", suggest::packageSkills);
        routes.put(SKILL + "/packages", suggest::map);
        VersionTagHandlers tags = new VersionTagHandlers(registry, edit);
        get(routes, SKILL + "/tags", tags::list);
        get(routes, SKILL + "/tags/{tag}", tags::get);
        routes.put(SKILL + "/tags/{tag}", tags::put);
        routes.delete(SKILL + "/tags/{tag}", tags::delete);
        routes.post("/api/v1/match", new MatchHandler(registry)::handle);
        get(routes, "/api/v1/tags", read::tags);
        get(routes, "/api/v1/categories", read::categories);
        NamespaceHandlers namespaces = new NamespaceHandlers(registry.accounts(), access);
        routes.post("/api/v1/namespaces", namespaces::create);
        get(routes, "/api/v1/namespaces/{namespace}", namespaces::get);
        routes.put("/api/v1/namespaces/{namespace}/members/{user}", namespaces::putMember);
        routes.delete("/api/v1/namespaces/{namespace}/members/{user}", namespaces::deleteMember);
        TokenHandlers tokens = new TokenHandlers(registry.accounts());
        routes.post("/api/v1/tokens", tokens::create);
        get(routes, "/api/v1/tokens", tokens::list);
        routes.delete("/api/v1/tokens/{id}", tokens::revoke);
        get(routes, "/api/v1/sync/heads", new SyncHandlers(registry)::heads);
        AgentCatalog agents = AgentCatalog.builtIn();
        InstallationHandlers installations = new InstallationHandlers(registry, agents, events);
        routes.post(SKILL + "/install", installations::record);
        routes.delete(SKILL + "/install", installations::remove);
        get(routes, "/api/v1/me/installations", installations::list);
        PreferenceHandlers preferences = new PreferenceHandlers(registry, installations, agents);
        get(routes, "/api/v1/me/preferences", preferences::get);
        routes.put("/api/v1/me/preferences", preferences::put);
        AnalyticsHandlers analytics = new AnalyticsHandlers(registry, skills, events, Clock.systemUTC());
        routes.post("/api/v1/analytics/track", analytics::track);
        get(routes, SKILL + "/stats", analytics::stats);
        get(routes, "/api/v1/trending", analytics::trending);
        ExecutionHandlers executions = new ExecutionHandlers(registry, settings.allowExec(), events);
        routes.post(SKILL + "/execute", executions::execute);
        get(routes, SKILL + "/executions", executions::list);
        get(routes, "/api/v1/executions/{id}", executions::get);
        ReviewHandlers reviews = new ReviewHandlers(registry, access, links);
        get(routes, SKILL + "/reviews", reviews::list);
        routes.post(SKILL + "/reviews", reviews::create);
        get(routes, SKILL + "/reviews/{id}", reviews::get);
        routes.put(SKILL + "/reviews/{id}", reviews::replace);
        routes.patch(SKILL + "/reviews/{id}", reviews::patch);
        routes.delete(SKILL + "/reviews/{id}", reviews::delete);
        get(routes, "/api/v1/audit", new AuditHandlers(registry.audit(), access)::list);
        compatibility(routes, registry, links, events);
    }

    /** A GET route that answers HEAD the same way, without the body. */
    static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /** The endpoints existing clients speak: discovery indexes (global and per namespace) and skills.sh search. */

    private static void compatibility(RoutesConfig routes, LocalRegistry registry, Supplier<Links> links,
            EventRecorder events) {
        PublicCatalog catalog = new PublicCatalog(registry);
        DiscoveryHandlers discovery = new DiscoveryHandlers(registry, catalog, links);
        for (String base : new String[] {"", NAMESPACE_BASE}) {
            get(routes, base + "/.well-known/agent-skills/index.json", discovery::agentSkillsIndex);
            get(routes, base + "/.well-known/skills/index.json", discovery::legacyIndex);
            get(routes, base + "/.well-known/skills/{name}/<path>", discovery::legacyFile);
        }
        get(routes, "/api/search", new SkillsSearchHandler(catalog, links, events)::handle);
    }
}
