package dev.skillbase.store;

import dev.skillbase.registry.SkillQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE conditions of a {@link SkillQuery} (namespace, status, tag, category) and their bound values. Every
 * condition is fixed SQL with parameters; a category prefix is an index range on the taxonomy path.
 */
public record SkillFilter(String where, Map<String, Object> parameters) {

    public SkillFilter {
        parameters = Map.copyOf(parameters);
    }

    public static SkillFilter of(SkillQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.namespace().ifPresent(namespace -> {
            conditions.add("n.name = :f_namespace");
            parameters.put("f_namespace", namespace);
        });
        query.status().ifPresent(status -> {
            conditions.add("s.status = :f_status");
            parameters.put("f_status", status);
        });
        query.tag().ifPresent(tag -> {
            conditions.add("""
                    EXISTS (SELECT 1 FROM skill_tags st JOIN tags t ON t.id = st.tag_id
                            WHERE st.skill_id = s.id AND t.name = :f_tag)""");
            parameters.put("f_tag", tag);
        });
        query.category().map(SkillFilter::trimSlashes).filter(c -> !c.isEmpty()).ifPresent(category -> {
            // '0' follows '/' in byte order: [category/, category0) holds exactly the paths below category
            conditions.add("(s.taxonomy_path = :f_category"
                    + " OR (s.taxonomy_path >= :f_category_from AND s.taxonomy_path < :f_category_to))");
            parameters.put("f_category", category);
            parameters.put("f_category_from", category + "/");
            parameters.put("f_category_to", category + "0");
        });
        VisibilityFilter visible = VisibilityFilter.listed(query.viewer());
        conditions.add(visible.where());
        parameters.putAll(visible.parameters());
        return new SkillFilter(String.join(" AND ", conditions), parameters);
    }

    private static String trimSlashes(String path) {
        String trimmed = path.strip();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(start, end);
    }
}
