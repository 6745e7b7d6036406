package com.coachway.document.upload;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A multipart/form-data body read part by part, straight from the request stream: each part's
 * content is an InputStream over what has arrived, so a file flows through in reads of
 * {@value #READ_BYTES} bytes and nothing is held whole or spooled to disk (unlike servlet
 * getParts / Javalin's uploadedFiles, which keep parts in memory or temp files).
 *
 * <p>Jetty's own multipart parser does the parsing; it pushes events, which are queued here and
 * pulled by {@link #next()} and {@link Part#body()}. One read of the network feeds the parser at
 * a time, so the queue never holds more than one read's worth of content.
 */
public final class MultipartReader {
    static final int READ_BYTES = 64 * 1024;
    private static final int MAX_PARTS = 16;
    private static final int MAX_PART_HEADERS_BYTES = 8 * 1024;

    /** Thrown for a body that is not well-formed multipart: truncated, no closing boundary, too many parts. */
    public static final class Malformed extends IOException {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Head(Map<String, String> headers) {
    }

    private static final Object PART_END = new Object();
    private static final Object COMPLETE = new Object();

    private final InputStream in;
    private final MultiPart.Parser parser;
    private final ArrayDeque<Object> events = new ArrayDeque<>();
    private boolean eof;
    private boolean complete;
    private Part current;

    public MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.parser = new MultiPart.Parser(boundary, new Listener());
        parser.setMaxParts(MAX_PARTS);
        parser.setPartHeadersMaxLength(MAX_PART_HEADERS_BYTES);
    }

    /** The boundary of a multipart/form-data Content-Type; empty for any other type or none. */
    public static Optional<String> boundaryOf(String contentType) {
        if (contentType == null) return Optional.empty();
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("multipart/form-data")) return Optional.empty();
        String boundary = MultiPart.extractBoundary(contentType);
        return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? Optional.empty() : Optional.of(boundary);
    }

    /** The next part (what is left of the current one is skipped), or null after the closing boundary. */
    public Part next() throws IOException {
        if (current != null) {
            current.skip();
            current = null;
        }
        while (true) {
            Object e = nextEvent();
            if (e == COMPLETE) return null;
            if (e instanceof Head head) return current = new Part(head.headers());
            // content outside a part (there is none in a well-formed body): ignore it
        }
    }

    private Object nextEvent() throws IOException {
        while (events.isEmpty()) {
            if (complete) return COMPLETE;
            if (eof) throw new Malformed("the multipart body ended before its closing boundary", null);
            byte[] buffer = new byte[READ_BYTES];
            int n = in.read(buffer);
            if (n < 0) {
                eof = true;
                parser.parse(Content.Chunk.EOF);
            } else if (n > 0) {
                parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
            }
        }
        Object e = events.poll();
        if (e == COMPLETE) complete = true;
        if (e instanceof Throwable t) {
            events.clear();
            throw new Malformed("malformed multipart body: " + t.getMessage(), t);
        }
        return e;
    }

    /** One part: its form field name, its file name when it is a file, and its content as a stream. */
    public final class Part {
        private final Map<String, String> headers;
        private final FormDisposition disposition;
        private final InputStream body = new PartStream();
        private boolean ended;

        private Part(Map<String, String> headers) {
            this.headers = headers;
            this.disposition = FormDisposition.parse(headers.get("content-disposition"));
        }

        /** The form field name; null when the part has none (not a form-data part). */
        public String name() {
            return disposition.name();
        }

        /** The file name as sent (decoded, not yet cleaned); null for a plain field. */
        public String filename() {
            return disposition.filename();
        }

        public InputStream body() {
            return body;
        }

        /** The content as UTF-8 text; null when it is longer than {@code maxBytes} (the rest is skipped). */
        public String text(int maxBytes) throws IOException {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                skip();
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip() throws IOException {
            byte[] scratch = new byte[READ_BYTES];
            while (body.read(scratch) >= 0) {
                // discard
            }
        }

        private final class PartStream extends InputStream {
            private ByteBuffer chunk;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                while (chunk == null || !chunk.hasRemaining()) {
                    if (ended) return -1;
                    Object e = nextEvent();
                    if (e == PART_END || e == COMPLETE) {
                        ended = true;
                        return -1;
                    }
                    if (e instanceof ByteBuffer content) chunk = content;
                }
                int n = Math.min(len, chunk.remaining());
                chunk.get(b, off, n);
                return n;
            }
        }
    }

    /** Jetty's parser calls back synchronously from parse(); every event is queued for the pulling side. */
    private final class Listener implements MultiPart.Parser.Listener {
        private Map<String, String> headers;

        @Override
        public void onPartBegin() {
            headers = new LinkedHashMap<>();
        }

        @Override
        public void onPartHeader(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }

        @Override
        public void onPartHeaders() {
            events.add(new Head(headers));
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            ByteBuffer content = chunk.getByteBuffer();
            if (content.hasRemaining()) {
                // copied: the parser's chunk is only ours during this call
                ByteBuffer copy = ByteBuffer.allocate(content.remaining());
                copy.put(content.slice()).flip();
                events.add(copy);
            }
        }

        @Override
        public void onPartEnd() {
            events.add(PART_END);
        }

        @Override
        public void onComplete() {
            events.add(COMPLETE);
        }

        @Override
        public void onFailure(Throwable failure) {
            events.add(failure);
        }
    }
}
