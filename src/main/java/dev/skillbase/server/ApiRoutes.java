package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Validator;
import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;

/** Every route of the server in one table, so it reads like the API (and the OpenAPI document). */
final class ApiRoutes {
    static final String SKILL = "/api/v1/skills/{namespace}/{name}";
    static final String VERSION = SKILL + "/versions/{version}";
    /** A namespace as a base URL of its own, for discovery clients. */
    static final String NAMESPACE_BASE = "/ns/{namespace}";

    private ApiRoutes() {
    }

    static void register(RoutesConfig routes, LocalRegistry registry, Callers callers, PublishGuard guard,
            HealthHandlers health, Supplier<Links> links, ServerSettings settings, Validator validator,
            ArchiveReader reader, SkillResponseCache skills, SearchResultCache searches) {
        routes.before("/api/*", callers::authenticate);
        ReadHandlers read = new ReadHandlers(registry, links, skills, searches);
        Access access = new Access(registry.accounts());
        ArchiveHandler archive = new ArchiveHandler(registry);
        OpenApiHandler openApi = new OpenApiHandler();
        routes.get("/health", health::health);
        routes.get("/ready", health::ready);
        routes.get("/api/v1/openapi.json", openApi::handle);
        routes.get("/api/v1/stats", read::stats);
        routes.get("/api/v1/skills", read::list);
        routes.get(SKILL, read::skill);
        routes.get(SKILL + "/versions", read::versions);
        PublishHandler publish = new PublishHandler(registry, guard, new UploadBody(settings.maxUploadBytes()), reader,
                validator, links);
        routes.post(SKILL + "/versions", publish::handle);
        routes.get(VERSION, read::version);
        routes.get(VERSION + "/archive", archive::handle);
        routes.get(VERSION + "/files/<path>", read::file);
        SkillEditHandlers edit = new SkillEditHandlers(registry, access, links);
        routes.post("/api/v1/skills", edit::create);
        routes.patch(SKILL, edit::update);
        routes.delete(SKILL, edit::archive);
        routes.post(VERSION + "/yank", edit::yank);
        routes.delete(VERSION + "/yank", edit::unyank);
        VersionTagHandlers tags = new VersionTagHandlers(registry, edit);
        routes.get(SKILL + "/tags", tags::list);
        routes.put(SKILL + "/tags/{tag}", tags::put);
        routes.delete(SKILL + "/tags/{tag}", tags::delete);
        routes.get("/api/v1/tags", read::tags);
        routes.get("/api/v1/categories", read::categories);
        NamespaceHandlers namespaces = new NamespaceHandlers(registry.accounts(), access);
        routes.post("/api/v1/namespaces", namespaces::create);
        routes.get("/api/v1/namespaces/{namespace}", namespaces::get);
        routes.put("/api/v1/namespaces/{namespace}/members/{user}", namespaces::putMember);
        routes.delete("/api/v1/namespaces/{namespace}/members/{user}", namespaces::deleteMember);
        TokenHandlers tokens = new TokenHandlers(registry.accounts());
        routes.post("/api/v1/tokens", tokens::create);
        routes.get("/api/v1/tokens", tokens::list);
        routes.delete("/api/v1/tokens/{id}", tokens::revoke);
        compatibility(routes, registry, links);
    }

    /** The endpoints existing clients speak: discovery indexes (global and per namespace) and skills.sh search. */
    private static void compatibility(RoutesConfig routes, LocalRegistry registry, Supplier<Links> links) {
        PublicCatalog catalog = new PublicCatalog(registry);
        DiscoveryHandlers discovery = new DiscoveryHandlers(registry, catalog, links);
        for (String base : new String[] {"", NAMESPACE_BASE}) {
            routes.get(base + "/.well-known/agent-skills/index.json", discovery::agentSkillsIndex);
            routes.get(base + "/.well-known/skills/index.json", discovery::legacyIndex);
            routes.get(base + "/.well-known/skills/{name}/<path>", discovery::legacyFile);
        }
        routes.get("/api/search", new SkillsSearchHandler(catalog, links)::handle);
    }
}
