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
import java.util.ArrayList;
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
        if (!bundle.archiveDigest().equals(digest)) {
            throw new ArchiveIntegrityException("the files of " + ref + "@" + version + " rebuild an archive with "
                    + bundle.archiveDigest() + ", not the recorded " + digest);
        }
        String filename = ref.namespace() + "-" + ref.name() + "-" + version + (zip ? ".zip" : ".tar.gz");
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._+-]", "_")
                + "\"");
        ctx.contentType(zip ? "application/zip" : "application/gzip").result(zip ? BundleZip.of(bundle) : bundle.archive());
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
