package com.coachway.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body written by hand, byte for byte, so a test says exactly what goes on
 * the wire (part order, Content-Disposition as sent, a file generated while it is sent).
 */
final class Multipart {
    private final String boundary = "cw-test-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> pieces = new ArrayList<>();
    private long length;

    Multipart field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A part with this Content-Disposition (as written) and content. */
    Multipart part(String disposition, String contentType, byte[] content) {
        return part(disposition, contentType, content.length, () -> new ByteArrayInputStream(content));
    }

    Multipart file(String filename, byte[] content) {
        return part("form-data; name=\"file\"; filename=\"" + filename + "\"", "application/octet-stream", content);
    }

    Multipart file(String filename, long size, Supplier<InputStream> content) {
        return part("form-data; name=\"file\"; filename=\"" + filename + "\"", "application/octet-stream", size, content);
    }

    Multipart part(String disposition, String contentType, long size, Supplier<InputStream> content) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n";
        add(head.getBytes(StandardCharsets.UTF_8));
        pieces.add(content);
        length += size;
        add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The standard fields, in the order the service wants them (before the file). */
    static Multipart filing(String entityType, String entityId, String kind) {
        return new Multipart().field("entity_type", entityType).field("entity_id", entityId).field("kind", kind);
    }

    private void add(byte[] bytes) {
        pieces.add(() -> new ByteArrayInputStream(bytes));
        length += bytes.length;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    long length() {
        return length + closing().length;
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    InputStream stream() {
        var streams = new ArrayList<InputStream>();
        pieces.forEach(p -> streams.add(p.get()));
        streams.add(new ByteArrayInputStream(closing()));
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    byte[] bytes() {
        try (InputStream in = stream()) {
            var out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
