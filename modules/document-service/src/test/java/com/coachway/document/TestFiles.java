package com.coachway.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files of each kind the service is asked about, made in the test (the first bytes are what detection reads). */
final class TestFiles {
    private TestFiles() {
    }

    static byte[] pdf(int size) {
        return readAll(pdfStream(size));
    }

    /** A PDF-looking stream of {@code size} bytes, generated as it is read (never held whole). */
    static InputStream pdfStream(long size) {
        return new Generated("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1), size);
    }

    /** A Windows executable (MZ header, PE signature), whatever it is named. */
    static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        for (int i = 0x100; i < b.length; i++) b[i] = (byte) (i * 31);
        return b;
    }

    static byte[] png() {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    static byte[] jpeg() {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(sig, 0, b, 0, sig.length);
        return b;
    }

    /** An Office Open XML container as Word and Excel write it: [Content_Types].xml first. */
    static byte[] ooxml(String mainPart) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(mainPart));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] docx() {
        return ooxml("word/document.xml");
    }

    static byte[] xlsx() {
        return ooxml("xl/workbook.xml");
    }

    static byte[] csv() {
        return "date,pickup,passengers\n2027-06-01,Springfield,44\n2027-06-02,Boston,30\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] text() {
        return "Driver notes: gate code 4411, park behind the gym.\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(InputStream in) {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) sha.update(buffer, 0, n);
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            var out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header, then deterministic pseudo-random bytes, {@code size} in all. */
    static final class Generated extends InputStream {
        private final byte[] head;
        private final long size;
        private long position;
        private long state = 0x2545F4914F6CDD1DL;

        Generated(byte[] head, long size) {
            this.head = head;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) return -1;
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                if (p < head.length) {
                    b[off + i] = head[(int) p];
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
            }
            position += n;
            return n;
        }
    }
}
