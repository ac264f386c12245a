package dev.skillbase.server;

import java.util.Locale;
import java.util.Map;

/**
 * The media type a skill file is served with, by extension. Text is served as text with UTF-8; formats a browser
 * would run or render as a page (HTML, SVG, JavaScript) are served as plain text, so a published file can never
 * script the registry's origin; anything unknown is {@code application/octet-stream}.
 */
final class ContentTypes {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("markdown", "text/markdown; charset=utf-8"),
            Map.entry("txt", TEXT), Map.entry("py", TEXT), Map.entry("sh", TEXT), Map.entry("bash", TEXT),
            Map.entry("js", TEXT), Map.entry("mjs", TEXT), Map.entry("ts", TEXT), Map.entry("rb", TEXT),
            Map.entry("go", TEXT), Map.entry("rs", TEXT), Map.entry("java", TEXT), Map.entry("html", TEXT),
            Map.entry("htm", TEXT), Map.entry("svg", TEXT), Map.entry("xml", TEXT), Map.entry("css", TEXT),
            Map.entry("csv", TEXT), Map.entry("toml", TEXT), Map.entry("ini", TEXT), Map.entry("sql", TEXT),
            Map.entry("yaml", "application/yaml; charset=utf-8"), Map.entry("yml", "application/yaml; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"));

    private ContentTypes() {
    }

    static String of(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return file.equals("LICENSE") || file.equals("README") ? TEXT : "application/octet-stream";
        }
        return BY_EXTENSION.getOrDefault(file.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
