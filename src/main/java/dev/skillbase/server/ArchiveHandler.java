package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Viewer;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.BundleZip;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code GET .../versions/{version}/archive[?format=zip]}: the version's deterministic tar.gz, rebuilt from its stored
 * files and checked against the archive digest recorded at publication (a mismatch is a server fault, never served),
 * or the equally deterministic zip of the same files.
 */
final class ArchiveHandler {
    private final LocalRegistry registry;

    ArchiveHandler(LocalRegistry registry) {
        this.registry = registry;
    }

    void handle(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        String version = PathParams.version(ctx);
        boolean zip = zip(ctx.queryParam("format"));
        Viewer viewer = Callers.viewer(ctx);
        VersionDetails details = ReadHandlers.details(registry, ref, version, viewer);
        String digest = details.info().archiveDigest();
        String etag = zip ? Etags.of("zip", digest) : Etags.ofDigest(digest);
        if (Etags.notModified(ctx, etag)) {
            return;
        }
        Bundle bundle = rebuild(ref, version, details, viewer);
        byte[] tarGz = bundle.archiveDigest().equals(digest) ? bundle.archive() : stored(ref, version, digest,
                bundle.archiveDigest());
        String filename = ref.namespace() + "-" + ref.name() + "-" + version + (zip ? ".zip" : ".tar.gz");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._+-]", "_")
                + "\"");
        ctx.contentType(zip ? "application/zip" : "application/gzip").result(zip ? BundleZip.of(bundle) : tarGz);
    }

    /**
     * The archive as stored at publication: a version published before the archive format last changed (such as
     * long paths moving from PAX headers to ustar prefixes) rebuilds other bytes, and the recorded digest, which
     * discovery indexes publish, must stay the digest of the bytes served.
     */
    private byte[] stored(SkillRef ref, String version, String digest, String rebuilt) {
        return registry.archive(ref, version).filter(bytes -> sha256(bytes).equals(digest))
                .orElseThrow(() -> new ArchiveIntegrityException("the files of " + ref + "@" + version
                        + " rebuild an archive with " + rebuilt + ", not the recorded " + digest
                        + ", and no stored archive has that digest"));
    }

    private Bundle rebuild(SkillRef ref, String version, VersionDetails details, Viewer viewer) {
        List<BundleFile> files = new ArrayList<>();
        for (VersionDetails.FileEntry entry : details.files()) {
            byte[] bytes = registry.file(ref, version, entry.path(), viewer).orElseThrow(() -> new ArchiveIntegrityException(
                    "file " + entry.path() + " of " + ref + "@" + version + " is listed but not stored"));
            files.add(new BundleFile(entry.path(), bytes, entry.executable()));
        }
        // stored versions passed the limits at publication; rebuilding must not refuse them if limits shrank since
        return Bundle.of(files, new BundleLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean zip(String format) {
        if (format == null || format.equals("tar.gz") || format.equals("tgz")) {
            return false;
        }
        if (format.equals("zip")) {
            return true;
        }
        throw new InvalidParameterException("format", "invalid-format", "format \"" + format
                + "\" is not one of tar.gz, zip");
    }
}
