package dev.skillbase.server;

import dev.skillbase.account.Accounts;
import dev.skillbase.account.Namespace;
import dev.skillbase.account.Role;
import dev.skillbase.account.Scope;
import dev.skillbase.testing.TestRequests;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people of the access tests, set up through the account use cases: namespace {@code acme} (an org, public)
 * owned by olivia, with maintainer max and member mia; oscar owns the other namespace {@code rival}; ada is the
 * admin. Skill {@code acme/pdf-tools} has versions 1.0.0 and 1.1.0. Each caller holds one token.
 */
final class Actors {
    /** Who calls, in order from least to most rights. */
    enum Caller {
        NONE,
        READ_ONLY,
        OTHER_OWNER,
        MEMBER,
        MAINTAINER,
        OWNER,
        ADMIN
    }

    final String olivia;
    final String oliviaRead;
    final String max;
    final String mia;
    final String oscar;
    final String ada;

    private Actors(Accounts accounts) {
        accounts.createUser("olivia", false);
        accounts.createUser("max", false);
        accounts.createUser("mia", false);
        accounts.createUser("oscar", false);
        this.ada = accounts.bootstrap("ada").secret();
        accounts.createNamespace("acme", Namespace.Kind.ORG, Optional.of("olivia"), false);
        accounts.setMember("acme", "max", Role.MAINTAINER);
        accounts.setMember("acme", "mia", Role.MEMBER);
        accounts.createNamespace("rival", Namespace.Kind.ORG, Optional.of("oscar"), false);
        Set<Scope> publish = EnumSet.of(Scope.READ, Scope.PUBLISH);
        this.olivia = token(accounts, "olivia", publish);
        this.oliviaRead = token(accounts, "olivia", EnumSet.of(Scope.READ));
        this.max = token(accounts, "max", publish);
        this.mia = token(accounts, "mia", publish);
        this.oscar = token(accounts, "oscar", publish);
    }

    private static String token(Accounts accounts, String user, Set<Scope> scopes) {
        return accounts.issueToken(accounts.user(user), scopes, Optional.empty(), Optional.empty()).secret();
    }

    /** Sets up the people and the skill acme/pdf-tools (1.0.0, 1.1.0). */
    static Actors in(TestServer t) {
        Actors actors = new Actors(t.registry.accounts());
        for (String version : List.of("1.0.0", "1.1.0")) {
            t.registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", version, "documents/pdf",
                    List.of("pdf")));
        }
        return actors;
    }

    /** The caller's token; null for {@link Caller#NONE}. */
    String token(Caller caller) {
        return switch (caller) {
            case NONE -> null;
            case READ_ONLY -> oliviaRead;
            case OTHER_OWNER -> oscar;
            case MEMBER -> mia;
            case MAINTAINER -> max;
            case OWNER -> olivia;
            case ADMIN -> ada;
        };
    }
}
