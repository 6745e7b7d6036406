package com.coachway.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files near the limit, through the gateway on the real kong.yml (whose documents route allows
 * bodies past the global 1 MiB): generated as they are sent, hashed as they come back, never held
 * whole by the test either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeFilesTest {
    private static final long MB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    DocumentPlatform p;
    String charter;

    @BeforeAll
    void start() {
        p = new DocumentPlatform();
        charter = p.createCharter(p.createClient());
    }

    @AfterAll
    void stop() {
        if (p != null) p.close();
    }

    @Test
    void a_20_mb_pdf_downloads_byte_identical_through_the_gateway() throws Exception {
        long size = 20 * MB;
        var body = Multipart.filing("charter", charter, "manifest").file("manifest.pdf", size, () -> TestFiles.pdfStream(size));
        HttpResponse<String> r = p.stream(p.token("sales_agent"), body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode created = JSON.readTree(r.body());
        String expected = TestFiles.sha256(TestFiles.pdfStream(size));
        assertEquals(expected, created.get("sha256").asText());
        assertEquals(size, created.get("size").asLong());
        assertEquals("application/pdf", created.get("content_type").asText());

        HttpResponse<InputStream> download = p.download(p.token("dispatcher"), created.get("id").asText());
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(size), download.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(expected, TestFiles.sha256(download.body()));
    }

    @Test
    void a_file_of_25_mb_and_1_byte_is_413_problem_json_and_nothing_is_kept() throws Exception {
        long files = p.mongo.files();
        long chunks = p.mongo.chunks();
        long size = 25 * MB + 1;
        var body = Multipart.filing("charter", charter, "manifest").file("big.pdf", size, () -> TestFiles.pdfStream(size));
        HttpResponse<String> r = p.stream(p.token("sales_agent"), body);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(JSON.readTree(r.body()).get("detail").asText().contains("25 MB"), r.body());
        assertEquals(files, p.mongo.files());
        assertEquals(chunks, p.mongo.chunks(), "the chunks written before the limit was reached are deleted");
    }

    @Test
    void a_file_of_exactly_25_mb_is_taken() throws Exception {
        long size = 25 * MB;
        var body = Multipart.filing("charter", charter, "manifest").file("full.pdf", size, () -> TestFiles.pdfStream(size));
        HttpResponse<String> r = p.stream(p.token("sales_agent"), body);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(size, JSON.readTree(r.body()).get("size").asLong());
        p.as("sales_agent").delete("/documents/" + JSON.readTree(r.body()).get("id").asText()).then().statusCode(204);
    }

    /** curl sends Expect: 100-continue for any body over 1 MB: the go-ahead comes through the gateway, and so does the 413. */
    @Test
    void uploads_that_expect_100_continue_are_answered_the_same() throws Exception {
        long small = 3 * MB;
        var ok = Multipart.filing("charter", charter, "manifest").file("a.pdf", small, () -> TestFiles.pdfStream(small));
        HttpResponse<String> r = p.stream(p.token("sales_agent"), ok, ok::stream, true);
        assertEquals(201, r.statusCode(), r.body());
        long big = 25 * MB + 1;
        var tooBig = Multipart.filing("charter", charter, "manifest").file("b.pdf", big, () -> TestFiles.pdfStream(big));
        assertEquals(413, p.stream(p.token("sales_agent"), tooBig, tooBig::stream, true).statusCode());
    }

    /**
     * The proof that an upload is streamed, not collected: with half of a 20 MB file sent and the
     * client holding the rest back, most of that half is already in GridFS's chunks. A service
     * that read the whole body (or the whole part) first would have stored nothing yet.
     */
    @Test
    void an_upload_reaches_gridfs_while_it_is_still_being_sent() throws Exception {
        long size = 20 * MB;
        long chunksBefore = p.mongo.chunks();
        var halfSent = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var body = Multipart.filing("charter", charter, "manifest").file("slow.pdf", size, () -> new HoldingStream(
                TestFiles.pdfStream(size), size / 2, halfSent, release));
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return p.stream(p.token("sales_agent"), body, body::stream);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(halfSent.await(60, TimeUnit.SECONDS), "the client sent the first half");
            // GridFS chunks are 255 KiB: 8 MB of the 10 MB sent is over 30 of them
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long stored = 0;
            while ((stored = p.mongo.chunks() - chunksBefore) < 32 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(stored >= 32, "only " + stored + " chunks stored while half the file was sent");
        } finally {
            release.countDown();
        }
        HttpResponse<String> r = response.get(2, TimeUnit.MINUTES);
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(TestFiles.sha256(TestFiles.pdfStream(size)), JSON.readTree(r.body()).get("sha256").asText());
    }

    /** Passes bytes through, and stops after {@code holdAt} of them until released. */
    private static final class HoldingStream extends InputStream {
        private final InputStream in;
        private final long holdAt;
        private final CountDownLatch reached;
        private final CountDownLatch release;
        private long position;
        private final long bodyOffset;

        HoldingStream(InputStream in, long holdAt, CountDownLatch reached, CountDownLatch release) {
            this.in = in;
            this.holdAt = holdAt;
            this.reached = reached;
            this.release = release;
            this.bodyOffset = 0;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (position == holdAt + bodyOffset) {
                reached.countDown();
                try {
                    if (!release.await(90, TimeUnit.SECONDS)) throw new java.io.IOException("never released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.IOException(e);
                }
            }
            int max = position < holdAt ? (int) Math.min(len, holdAt - position) : len;
            int n = in.read(b, off, max);
            if (n > 0) position += n;
            return n;
        }
    }
}
