package dev.skillbase.account;

import java.util.List;
import java.util.Optional;

/**
 * A namespace as a viewer sees it: counts of members and of the skills the viewer may see, and the members
 * themselves only when the viewer is a member (or an admin).
 */
public record NamespaceInfo(Namespace namespace, long memberCount, long skillCount, Optional<List<Member>> members) {
}
