package com.coachway.common.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection on which the test decides the order of things: send a head, part of a
 * body, read the answer while the rest is unsent, send more (as the gateway's RawHttp.Client).
 * Reads are bounded by the socket timeout.
 */
final class RawHttpClient implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    private static final byte[] BODY_CHUNK = new byte[64 * 1024];
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttpClient(int port) throws IOException {
        socket = new Socket();
        // A small send buffer: the rest of a body is written only as the server takes it, so a
        // server that stopped reading resets the writes instead of their sitting in the buffer.
        socket.setSendBufferSize(64 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends {@code bytes} of body in 64 KiB writes; an IOException says the server reset or closed. */
    void sendBody(long bytes) throws IOException {
        for (long left = bytes; left > 0; left -= BODY_CHUNK.length) {
            out.write(BODY_CHUNK, 0, (int) Math.min(left, BODY_CHUNK.length));
        }
        out.flush();
    }

    /** Sends 64 KiB writes of body until the server stops taking them; @return the bytes sent. */
    long sendBodyUntilRefused(long atMost) {
        long sent = 0;
        try {
            while (sent < atMost) {
                int n = (int) Math.min(atMost - sent, BODY_CHUNK.length);
                out.write(BODY_CHUNK, 0, n);
                sent += n;
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
            out.write("10000\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(BODY_CHUNK);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    /** Reads one whole response (Content-Length or chunked); an EOF or a reset before its end throws. */
    Reply readResponse() throws IOException {
        String head = readLine(true);
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(false).trim().split(";")[0], 16);
                if (size == 0) {
                    readLine(false);
                    break;
                }
                all.write(readExactly(size));
                readLine(false);
            }
            body = all.toByteArray();
        } else {
            body = readExactly(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** @return true when the server closed cleanly (FIN) after everything it sent was read; a reset throws. */
    boolean readsEndOfStream() throws IOException {
        return in.read() == -1;
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** A line ending in CRLF, or with {@code head} the whole head ending in an empty line (without it). */
    private String readLine(boolean head) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        String end = head ? "\r\n\r\n" : "\r\n";
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended after " + text.size() + " bytes of a response head");
            }
            text.write(b);
            String s = text.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith(end)) {
                return s.substring(0, s.length() - end.length());
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
