package dev.skillbase.registry;

import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.util.Optional;

/**
 * Every implementation of {@link Registry} over every database, each on a fresh database: the axis of the
 * {@link RegistryContractIT contract suite}. The HTTP ones talk to a real server on port 0.
 */
enum RegistryUnderTest {
    LOCAL_SQLITE(DbKind.SQLITE, false),
    LOCAL_POSTGRESQL(DbKind.POSTGRESQL, false),
    HTTP_SQLITE(DbKind.SQLITE, true),
    HTTP_POSTGRESQL(DbKind.POSTGRESQL, true);

    private final DbKind kind;
    private final boolean http;

    RegistryUnderTest(DbKind kind, boolean http) {
        this.kind = kind;
        this.http = http;
    }

    boolean http() {
        return http;
    }

    /** An open registry over a fresh database; closing it closes the server (if any) and the database. */
    Opened open() {
        LocalRegistry local = LocalRegistry.open(TestDatabases.freshUrl(kind));
        if (!http) {
            return new Opened(local, local, null);
        }
        SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(local.url(), true), local,
                PublishGuard.anonymous(true));
        return new Opened(HttpRegistry.open(server.url().toString(), Optional.empty()), local, server);
    }

    record Opened(Registry registry, LocalRegistry local, SkillbaseServer server) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (server != null) {
                    registry.close();
                    server.close();
                }
            } finally {
                local.close();
            }
        }
    }

}
