package com.coachway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bodies larger than any buffer the gateway would keep, and proof that they flow while in transit. */
class GatewayStreamingTest extends GatewayTestBase {
    private static final int TWENTY_MB = 20 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_20_mb_upload_with_content_length_arrives_byte_identical() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/upload"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(TWENTY_MB)), TWENTY_MB))
                .build();
        JsonNode seen = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(TWENTY_MB, seen.get("body_length").asLong());
        assertEquals(patternSha256(TWENTY_MB), seen.get("body_sha256").asText());
        assertEquals(Integer.toString(TWENTY_MB), seen.get("headers").get("content-length").get(0).asText());
    }

    @Test
    void a_20_mb_chunked_upload_arrives_byte_identical() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(TWENTY_MB)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode seen = JSON.readTree(response.body());
        assertEquals(TWENTY_MB, seen.get("body_length").asLong());
        assertEquals(patternSha256(TWENTY_MB), seen.get("body_sha256").asText());
    }

    @Test
    void a_20_mb_download_arrives_byte_identical() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/download"))
                .header("X-Echo-Download-Bytes", Integer.toString(TWENTY_MB)).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        MessageDigest sha = EchoUpstream.sha256();
        long total = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                total += n;
            }
        }
        assertEquals(TWENTY_MB, total);
        assertEquals(patternSha256(TWENTY_MB), HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void the_response_streams_before_the_upstream_has_finished() throws Exception {
        echo.releaseDownload = new CountDownLatch(1);
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/download"))
                .header("X-Echo-Download-Bytes", Integer.toString(4 * EchoUpstream.CHUNK))
                .header("X-Echo-Hold", "true").build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            // The upstream holds the rest of the body until we release it: these bytes could not
            // have arrived if the gateway buffered the response.
            byte[] first = in.readNBytes(EchoUpstream.CHUNK);
            assertEquals(EchoUpstream.CHUNK, first.length);
            echo.releaseDownload.countDown();
            assertEquals(3 * EchoUpstream.CHUNK, in.readAllBytes().length);
        }
    }

    @Test
    void the_request_body_streams_before_the_client_has_finished() throws Exception {
        echo.firstUploadChunk = new CountDownLatch(1);
        PipedOutputStream body = new PipedOutputStream();
        PipedInputStream source = new PipedInputStream(body, EchoUpstream.CHUNK);
        HttpRequest request = HttpRequest.newBuilder(gatewayUri("/api/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> source)).build();
        CompletableFuture<HttpResponse<String>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        byte[] chunk = new byte[EchoUpstream.CHUNK];
        body.write(chunk);
        body.flush();
        // The client has not finished its body, yet the upstream already has part of it (clients
        // and sockets keep some bytes back, so not necessarily all that was written so far).
        assertTrue(echo.firstUploadChunk.await(10, TimeUnit.SECONDS), "the upstream never saw the first chunk");
        body.write(chunk);
        body.close();
        JsonNode seen = JSON.readTree(response.get(10, TimeUnit.SECONDS).body());
        assertEquals(2L * EchoUpstream.CHUNK, seen.get("body_length").asLong());
    }

    private static String patternSha256(long size) {
        MessageDigest sha = EchoUpstream.sha256();
        byte[] buffer = new byte[64 * 1024];
        for (long pos = 0; pos < size; ) {
            int n = (int) Math.min(buffer.length, size - pos);
            for (int i = 0; i < n; i++) {
                buffer[i] = EchoUpstream.patternByte(pos + i);
            }
            sha.update(buffer, 0, n);
            pos += n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The generated body, produced on the fly so the test holds no 20 MB array. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? EchoUpstream.patternByte(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = EchoUpstream.patternByte(position++);
            }
            return n;
        }
    }
}
