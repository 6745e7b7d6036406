package com.coachway.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names with quotes, line breaks, paths and any script: kept as far as safe, and given back in a Content-Disposition no name can break. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileNamesThroughTheGatewayTest {
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

    /** Uploads with this Content-Disposition for the file part; returns the stored filename and the download's header. */
    private String[] roundTrip(String disposition) throws Exception {
        var body = Multipart.filing("charter", charter, "contract").part(disposition, "application/pdf", TestFiles.pdf(500));
        HttpRequest request = HttpRequest.newBuilder(URI.create(p.platform.gatewayUrl() + DocumentPlatform.DOCUMENTS + "/documents"))
                .header("Authorization", "Bearer " + p.token("sales_agent"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        HttpResponse<String> r = DocumentPlatform.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        var created = JSON.readTree(r.body());
        HttpResponse<InputStream> download = p.download(p.token("sales_agent"), created.get("id").asText());
        assertEquals(200, download.statusCode());
        download.body().close();
        var headers = download.headers().allValues("Content-Disposition");
        assertEquals(1, headers.size(), headers::toString);
        assertFalse(download.headers().firstValue("Set-Cookie").isPresent(), "no header came out of a file name");
        return new String[] {created.get("filename").asText(), headers.getFirst()};
    }

    /** The name a browser takes from filename* (RFC 5987). */
    private static String extended(String header) {
        int at = header.indexOf("filename*=UTF-8''");
        assertTrue(at > 0, header);
        return URLDecoder.decode(header.substring(at + "filename*=UTF-8''".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void safe(String header) {
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7F), () -> "not printable ASCII: " + header);
        // exactly the three parts: attachment, filename="…", filename*=…
        String fallback = header.substring(header.indexOf("filename=\"") + 10, header.indexOf("\"; filename*="));
        assertFalse(fallback.contains("\""), header);
        assertFalse(fallback.contains("\\"), header);
    }

    @Test
    void quotes_and_semicolons_stay_in_the_name_and_cannot_add_parameters() throws Exception {
        String[] got = roundTrip("form-data; name=\"file\"; filename=\"we said \\\"hi\\\"; size=1.pdf\"");
        assertEquals("we said \"hi\"; size=1.pdf", got[0]);
        assertEquals("attachment; filename=\"we said _hi_; size=1.pdf\"; filename*=UTF-8''we%20said%20%22hi%22%3B%20size%3D1.pdf", got[1]);
        safe(got[1]);
        assertEquals(got[0], extended(got[1]));
    }

    @Test
    void line_breaks_are_dropped_so_no_header_can_be_injected() throws Exception {
        String[] got = roundTrip("form-data; name=\"file\"; filename*=UTF-8''report%0D%0ASet-Cookie%3A%20a%3Db%0D%0A.pdf");
        assertEquals("reportSet-Cookie: a=b.pdf", got[0]);
        safe(got[1]);
        assertEquals(got[0], extended(got[1]));
    }

    @Test
    void unicode_names_come_back_exactly_with_an_ascii_fallback() throws Exception {
        String name = "Übersicht – 東京 🚌.pdf";
        String[] got = roundTrip("form-data; name=\"file\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        assertEquals(name, got[0]);
        safe(got[1]);
        assertTrue(got[1].startsWith("attachment; filename=\"_bersicht _ __ _.pdf\"; "), got[1]);
        assertEquals(name, extended(got[1]));
    }

    @Test
    void raw_utf8_in_a_quoted_filename_as_browsers_send_it_is_read_as_utf8() throws Exception {
        String[] got = roundTrip("form-data; name=\"file\"; filename=\"Fahrplan für München.pdf\"");
        assertEquals("Fahrplan für München.pdf", got[0]);
        assertEquals("Fahrplan für München.pdf", extended(got[1]));
    }

    @Test
    void a_path_sent_as_the_name_keeps_only_its_last_segment() throws Exception {
        assertEquals("report.pdf", roundTrip("form-data; name=\"file\"; filename=\"C:\\fakepath\\report.pdf\"")[0]);
        assertEquals("passwd.pdf", roundTrip("form-data; name=\"file\"; filename=\"../../etc/passwd.pdf\"")[0]);
        // a right-to-left override would show "exe.pdf" as "fdp.exe"-like text: formatting characters are dropped
        assertEquals("invoice-exe.pdf", roundTrip("form-data; name=\"file\"; filename*=UTF-8''invoice-%E2%80%AEexe.pdf")[0]);
        assertEquals("document", roundTrip("form-data; name=\"file\"; filename*=UTF-8''%E2%80%AE%0A")[0]);
    }
}
