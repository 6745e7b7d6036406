package com.coachway.document.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartReaderTest {
    private static final String BOUNDARY = "b0undary";

    private static byte[] body(byte[] file) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("preamble\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncontract\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Hands out at most {@code step} bytes a read, so every boundary falls across reads somewhere. */
    private static InputStream trickle(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static List<Object> read(InputStream in) throws Exception {
        var reader = new MultipartReader(in, BOUNDARY);
        var seen = new ArrayList<Object>();
        for (var part = reader.next(); part != null; part = reader.next()) {
            seen.add(part.name());
            seen.add(part.filename());
            seen.add(part.body().readNBytes(10_000_000));
        }
        return seen;
    }

    @Test
    void parts_come_out_whole_whatever_the_reads_cut_them_into() throws Exception {
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) file[i] = (byte) (i % 251);
        // a part of the boundary inside the content must not end it
        byte[] tricky = ("--" + BOUNDARY.substring(0, 5) + "\r\n--").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tricky, 0, file, 1_000, tricky.length);
        for (int step : new int[] {1, 7, 1024, 65_536, 1 << 20}) {
            List<Object> seen = read(trickle(body(file), step));
            assertEquals(6, seen.size(), "step " + step);
            assertEquals("kind", seen.get(0));
            assertNull(seen.get(1));
            assertArrayEquals("contract".getBytes(StandardCharsets.UTF_8), (byte[]) seen.get(2));
            assertEquals("file", seen.get(3));
            assertEquals("a.pdf", seen.get(4));
            assertArrayEquals(file, (byte[]) seen.get(5), "step " + step);
        }
    }

    @Test
    void a_part_not_read_is_skipped_and_text_is_bounded() throws Exception {
        var reader = new MultipartReader(new ByteArrayInputStream(body(new byte[5_000])), BOUNDARY);
        var kind = reader.next();
        assertNull(kind.text(3), "longer than 3 bytes");
        assertEquals("file", reader.next().name());
        assertNull(reader.next());
    }

    @Test
    void a_truncated_body_is_malformed() {
        byte[] whole = body(new byte[10_000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        assertThrows(MultipartReader.Malformed.class, () -> read(new ByteArrayInputStream(cut)));
        assertThrows(MultipartReader.Malformed.class, () -> read(new ByteArrayInputStream("nothing".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void only_multipart_form_data_with_a_boundary_is_taken() {
        assertEquals("abc", MultipartReader.boundaryOf("multipart/form-data; boundary=abc").orElseThrow());
        assertEquals("a b", MultipartReader.boundaryOf("Multipart/Form-Data; boundary=\"a b\"").orElseThrow());
        assertEquals(true, MultipartReader.boundaryOf("multipart/form-data").isEmpty());
        assertEquals(true, MultipartReader.boundaryOf("multipart/mixed; boundary=abc").isEmpty());
        assertEquals(true, MultipartReader.boundaryOf("application/json").isEmpty());
        assertEquals(true, MultipartReader.boundaryOf(null).isEmpty());
    }
}
