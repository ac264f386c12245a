package dev.skillbase.testing;

import dev.skillbase.store.NewFile;
import dev.skillbase.store.NewVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link NewVersion}s for storage tests without the skill parser: a SKILL.md made of the given description
 * and body, optional extra files, digests computed the way a bundle does (sorted paths and bytes).
 */
public final class TestVersions {
    private String namespace = "acme";
    private String name = "pdf-tools";
    private String version = "1.0.0";
    private String title;
    private String description = "Work with PDF files";
    private String body = "# PDF tools\n\nFill forms and merge documents.\n";
    private String taxonomy = "documents/pdf";
    private List<String> tags = List.of("pdf");
    private final List<NewFile> extraFiles = new ArrayList<>();

    private TestVersions() {
    }

    public static TestVersions skill(String namespace, String name) {
        TestVersions builder = new TestVersions();
        builder.namespace = namespace;
        builder.name = name;
        return builder;
    }

    public TestVersions version(String value) {
        version = value;
        return this;
    }

    public TestVersions title(String value) {
        title = value;
        return this;
    }

    public TestVersions description(String value) {
        description = value;
        return this;
    }

    public TestVersions body(String value) {
        body = value;
        return this;
    }

    public TestVersions taxonomy(String value) {
        taxonomy = value;
        return this;
    }

    public TestVersions tags(String... values) {
        tags = List.of(values);
        return this;
    }

    public TestVersions file(String path, String content) {
        extraFiles.add(new NewFile(path, content.getBytes(StandardCharsets.UTF_8), path.endsWith(".sh")));
        return this;
    }

    public NewVersion build() {
        String skillMd = "---\nname: " + name + "\ndescription: " + description + "\n---\n" + body;
        List<NewFile> files = new ArrayList<>();
        files.add(new NewFile("SKILL.md", skillMd.getBytes(StandardCharsets.UTF_8), false));
        files.addAll(extraFiles);
        files.sort(Comparator.comparing(NewFile::path));
        byte[] content = concatenate(files);
        byte[] archive = concatenate(List.of(new NewFile("archive-of-" + version, content, false)));
        String frontmatter = "{\"name\":\"" + name + "\",\"description\":\"" + description.replace("\"", "\\\"")
                + "\"}";
        return new NewVersion(namespace, name, version, title == null ? name : title, description, taxonomy, tags,
                Optional.of("MIT"), Optional.of("https://example.com/" + namespace + "/" + name), frontmatter, body,
                sha256(content), sha256(archive),
                archive, files, Optional.empty(), Optional.of("tester"));
    }

    private static byte[] concatenate(List<NewFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (NewFile file : files) {
            out.writeBytes(file.path().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(file.content());
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
