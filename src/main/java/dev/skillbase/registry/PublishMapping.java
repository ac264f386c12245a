package dev.skillbase.registry;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.Frontmatter;
import dev.skillbase.store.NewFile;
import dev.skillbase.store.NewVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a parsed {@link PublishRequest} into the plain values the store keeps. */
final class PublishMapping {
    private PublishMapping() {
    }

    static NewVersion toNewVersion(PublishRequest request) {
        Frontmatter frontmatter = request.document().frontmatter();
        Bundle bundle = request.bundle();
        List<BundleFile> bundleFiles = bundle.files();
        List<String> digests = bundle.fileDigests();
        List<NewFile> files = new ArrayList<>(bundleFiles.size());
        for (int i = 0; i < bundleFiles.size(); i++) {
            BundleFile file = bundleFiles.get(i);
            files.add(new NewFile(file.path(), file.content(), file.executable(), digests.get(i)));
        }
        List<String> tags = request.tags().stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
        return new NewVersion(
                request.ref().namespace(),
                request.ref().name(),
                request.version(),
                request.document().title().orElse(request.ref().name()),
                frontmatter.description().orElse(""),
                request.taxonomyPath(),
                tags,
                frontmatter.string("license"),
                request.sourceUrl(),
                frontmatter.toJson(),
                request.document().body(),
                bundle.contentDigest(),
                bundle.archiveDigest(),
                bundle.archive(),
                files,
                request.changelog(),
                request.publishedBy());
    }
}
