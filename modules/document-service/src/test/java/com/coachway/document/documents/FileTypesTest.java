package com.coachway.document.documents;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes decide; the name only narrows a family the bytes show (more cases with real files in DocumentApiTest). */
class FileTypesTest {
    private final FileTypes types = FileTypes.tika();

    private String detect(byte[] bytes, String name) throws Exception {
        var in = new BufferedInputStream(new ByteArrayInputStream(bytes), FileTypes.HEAD_BYTES + 1);
        String type = types.detect(in, name);
        assertEquals(bytes.length == 0 ? -1 : bytes[0] & 0xFF, in.read(), "the stream is left at its start");
        return type;
    }

    @Test
    void a_name_never_turns_one_type_into_another() throws Exception {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertFalse(FileTypes.allowed(detect(exe, "invoice.pdf")));
        assertEquals("application/pdf", detect("%PDF-1.4\n...".getBytes(StandardCharsets.US_ASCII), "scan.png"));
        assertFalse(FileTypes.allowed(detect("<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8), "notes.txt")));
        assertFalse(FileTypes.allowed(detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "logo.png")));
    }

    @Test
    void text_is_plain_text_and_csv_when_named_so() throws Exception {
        byte[] text = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("text/csv", detect(text, "trips.csv"));
        assertEquals("text/plain", detect(text, "trips.txt"));
        assertEquals("text/plain", detect("Grüße aus München\n".getBytes(StandardCharsets.UTF_8), "note.txt"));
        assertTrue(FileTypes.allowed("text/csv"));
    }
}
