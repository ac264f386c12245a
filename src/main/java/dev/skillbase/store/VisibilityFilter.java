package dev.skillbase.store;

import dev.skillbase.registry.Viewer;
import java.util.Map;

/**
 * The SQL condition (over {@code s} skills and {@code n} namespaces) that keeps what a {@link Viewer} may see: in
 * lists and search ({@link #listed}) or by exact name ({@link #readable}, which also admits unlisted skills).
 */
record VisibilityFilter(String where, Map<String, Object> parameters) {
    private static final String MEMBER =
            "EXISTS (SELECT 1 FROM memberships vm WHERE vm.namespace_id = s.namespace_id AND vm.user_id = :v_user)";

    VisibilityFilter {
        parameters = Map.copyOf(parameters);
    }

    static VisibilityFilter listed(Viewer viewer) {
        return of(viewer, "s.visibility = 'public'");
    }

    static VisibilityFilter readable(Viewer viewer) {
        return of(viewer, "s.visibility <> 'private'");
    }

    private static VisibilityFilter of(Viewer viewer, String skillCondition) {
        String open = "(" + skillCondition + " AND n.visibility = 'public')";
        return switch (viewer.kind()) {
            case EVERYTHING -> new VisibilityFilter("1 = 1", Map.of());
            case PUBLIC -> new VisibilityFilter(open, Map.of());
            case USER -> new VisibilityFilter("(" + open + " OR " + MEMBER + ")", Map.of("v_user", viewer.userId()));
        };
    }
}
