package dev.skillbase.cli;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the CLI's registry is in the sync tests: a database in process, or a real server on port 0 over one, called
 * with an admin's token (archiving a skill needs one).
 */
enum SyncTarget {
    SQLITE(DbKind.SQLITE, false),
    POSTGRESQL(DbKind.POSTGRESQL, false),
    HTTP_SQLITE(DbKind.SQLITE, true),
    HTTP_POSTGRESQL(DbKind.POSTGRESQL, true);

    private final DbKind kind;
    private final boolean http;

    SyncTarget(DbKind kind, boolean http) {
        this.kind = kind;
        this.http = http;
    }

    Opened open() {
        String db = TestDatabases.freshUrl(kind);
        if (!http) {
            return new Opened(List.of("--db", db), null, null);
        }
        LocalRegistry registry = LocalRegistry.open(db);
        String token = registry.accounts().bootstrap("ada").secret();
        SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry);
        return new Opened(List.of("--registry", server.url().toString(), "--token", token), registry, server);
    }

    /** The registry's options for every command, and what to close. */
    record Opened(List<String> options, LocalRegistry registry, SkillbaseServer server) implements AutoCloseable {
        CliRun.Result run(String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(options);
            return CliRun.run(all.toArray(String[]::new));
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
                registry.close();
            }
        }
    }
}
