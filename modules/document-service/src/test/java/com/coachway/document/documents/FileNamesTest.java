package com.coachway.document.documents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {
    @Test
    void clean_keeps_the_last_path_segment_without_control_or_formatting_characters() {
        assertEquals("a.pdf", FileNames.clean("C:\\fakepath\\a.pdf"));
        assertEquals("a.pdf", FileNames.clean("/etc/../a.pdf"));
        assertEquals("ab.pdf", FileNames.clean("a\r\nb.pdf"));
        assertEquals("ab.pdf", FileNames.clean("a\u0000b.pdf"));
        assertEquals("evilexe.pdf", FileNames.clean("evil\u202Eexe.pdf"));
        assertEquals("Ünïcödé 東京.pdf", FileNames.clean("  Ünïcödé 東京.pdf "));
        assertEquals("document", FileNames.clean(null));
        assertEquals("document", FileNames.clean(""));
        assertEquals("document", FileNames.clean(".."));
        assertEquals("document", FileNames.clean("dir/"));
    }

    @Test
    void a_long_name_is_cut_to_255_characters_keeping_its_extension() {
        String cleaned = FileNames.clean("x".repeat(400) + ".pdf");
        assertEquals(255, cleaned.length());
        assertEquals(true, cleaned.endsWith("x.pdf"));
        String emoji = FileNames.clean("🚌".repeat(300) + ".txt");
        assertEquals(255, emoji.codePointCount(0, emoji.length()));
    }

    @Test
    void content_disposition_is_printable_ascii_with_an_exact_utf8_name() {
        assertEquals("attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf", FileNames.contentDisposition("a b.pdf"));
        assertEquals("attachment; filename=\"_1_ _q_ _.pdf\"; filename*=UTF-8''%E2%82%AC1%25%20%22q%22%20%5C.pdf",
                FileNames.contentDisposition("€1% \"q\" \\.pdf"));
        assertEquals("attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.txt", FileNames.contentDisposition("東京.txt"));
        assertEquals("attachment; filename=\"a;b=c.pdf\"; filename*=UTF-8''a%3Bb%3Dc.pdf", FileNames.contentDisposition("a;b=c.pdf"));
    }
}
