package com.coachway.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One HTTP/1.1 exchange over a plain socket, for requests no client library would send as-is. */
final class RawHttp {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code request} verbatim (it should say Connection: close) and reads until EOF. */
    static Reply exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    /**
     * One connection on which the test decides the order of things: send a head, part of a body,
     * read the answer while the rest is unsent, send more. Reads are bounded by the socket timeout.
     */
    static final class Client implements AutoCloseable {
        private static final byte[] BODY_CHUNK = new byte[64 * 1024];
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Sends {@code bytes} of body in 64 KiB writes; an IOException says the server reset or closed. */
        void sendBody(long bytes) throws IOException {
            for (long left = bytes; left > 0; left -= BODY_CHUNK.length) {
                out.write(BODY_CHUNK, 0, (int) Math.min(left, BODY_CHUNK.length));
            }
            out.flush();
        }

        /** Sends 64 KiB chunks of a chunked body until the server stops taking them; @return the bytes sent. */
        long sendBodyUntilRefused(long atMost) {
            long sent = 0;
            try {
                while (sent < atMost) {
                    out.write(BODY_CHUNK);
                    sent += BODY_CHUNK.length;
                }
                out.flush();
            } catch (IOException refused) {
                return sent;
            }
            return sent;
        }

        /** Sends {@code count} chunks of 64 KiB in chunked framing (no last chunk). */
        void sendChunks(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                out.write(("10000\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(BODY_CHUNK);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        }

        /** Reads one response whose body has a Content-Length (all the gateway's own answers do). */
        Reply readResponse() throws IOException {
            String head = readHead();
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }

        /** @return true when the server closed cleanly (FIN), after everything it sent was read; a reset throws. */
        boolean readsEndOfStream() throws IOException {
            return in.read() == -1;
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the connection ended after " + head.size() + " bytes of a response head");
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", pos);
            int size = Integer.parseInt(body.substring(pos, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            pos = lineEnd + 2 + size + 2;
        }
    }
}
