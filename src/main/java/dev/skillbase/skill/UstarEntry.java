package dev.skillbase.skill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.ZipEncoding;

/**
 * A tar entry whose path is stored in the POSIX ustar {@code prefix} and {@code name} fields (up to 155 and 100 bytes,
 * split at a '/') instead of a PAX extended header. Commons Compress reads the prefix but never writes it; readers
 * that do not understand PAX headers, such as the one the {@code skills} npm CLI uses for discovery archives, read
 * the prefix. Not thread-safe (like any entry).
 */
final class UstarEntry extends TarArchiveEntry {
    static final int PREFIX_OFFSET = TarConstants.NAMELEN + TarConstants.MODELEN + TarConstants.UIDLEN
            + TarConstants.GIDLEN + TarConstants.SIZELEN + TarConstants.MODTIMELEN + TarConstants.CHKSUMLEN + 1
            + TarConstants.NAMELEN + TarConstants.MAGICLEN + TarConstants.VERSIONLEN + TarConstants.UNAMELEN
            + TarConstants.GNAMELEN + TarConstants.DEVLEN + TarConstants.DEVLEN;
    private static final int CHECKSUM_OFFSET = TarConstants.NAMELEN + TarConstants.MODELEN + TarConstants.UIDLEN
            + TarConstants.GIDLEN + TarConstants.SIZELEN + TarConstants.MODTIMELEN;

    private final byte[] prefix;

    private UstarEntry(String prefix, String name) {
        super(name, true);
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An entry for {@code path} split into prefix and name, when the path is ASCII, longer than the name field, and
     * has a '/' where both parts fit; empty otherwise (then a plain entry, with a PAX header when too long).
     */
    static Optional<TarArchiveEntry> of(String path) {
        if (path.length() <= TarConstants.NAMELEN || path.length() > TarConstants.PREFIXLEN + 1 + TarConstants.NAMELEN
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(path)) {
            return Optional.empty();
        }
        // the longest prefix that fits leaves the shortest name
        for (int slash = Math.min(path.length() - 2, TarConstants.PREFIXLEN); slash > 0; slash--) {
            if (path.charAt(slash) == '/') {
                String name = path.substring(slash + 1);
                return name.length() <= TarConstants.NAMELEN
                        ? Optional.of(new UstarEntry(path.substring(0, slash), name)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public void writeEntryHeader(byte[] header, ZipEncoding encoding, boolean starMode) throws IOException {
        super.writeEntryHeader(header, encoding, starMode);
        System.arraycopy(prefix, 0, header, PREFIX_OFFSET, prefix.length);
        for (int i = 0; i < TarConstants.CHKSUMLEN; i++) {
            header[CHECKSUM_OFFSET + i] = (byte) ' ';
        }
        TarUtils.formatCheckSumOctalBytes(TarUtils.computeCheckSum(header), header, CHECKSUM_OFFSET,
                TarConstants.CHKSUMLEN);
    }
}
