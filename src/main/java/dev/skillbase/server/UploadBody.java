package dev.skillbase.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a publish body into memory, never more than {@code maxBytes}: a raw tar.gz or zip, or the {@code archive}
 * part of a multipart form. The declared length is checked before reading; the bytes are counted while reading.
 */
final class UploadBody {
    static final Set<String> ARCHIVE_TYPES = Set.of("application/gzip", "application/x-gzip",
            "application/x-tar+gzip", "application/x-gtar", "application/zip", "application/x-zip-compressed",
            "application/octet-stream");
    static final String MULTIPART = "multipart/form-data";
    static final String PART = "archive";

    private final long maxBytes;

    UploadBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(Context ctx) {
        String type = mediaType(ctx.header("Content-Type"));
        if (!ARCHIVE_TYPES.contains(type) && !type.equals(MULTIPART)) {
            throw new UnsupportedUploadTypeException(ctx.header("Content-Type"));
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        try {
            if (type.equals(MULTIPART)) {
                UploadedFile file = ctx.uploadedFile(PART);
                if (file == null) {
                    throw new InvalidParameterException(PART, "archive-part-missing",
                            "the form has no file part named \"archive\": send the tar.gz or zip in it");
                }
                try (InputStream in = file.content()) {
                    return bounded(in);
                }
            }
            return bounded(ctx.bodyInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new UploadTooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
