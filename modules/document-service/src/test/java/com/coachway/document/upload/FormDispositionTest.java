package com.coachway.document.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FormDispositionTest {
    @Test
    void names_and_file_names_are_read_from_quoted_tokens_and_rfc_5987_values() {
        assertEquals(new FormDisposition("kind", null), FormDisposition.parse("form-data; name=\"kind\""));
        assertEquals(new FormDisposition("file", "a.pdf"), FormDisposition.parse("form-data; name=file; filename=a.pdf"));
        assertEquals(new FormDisposition("file", "say \"hi\"; x=1.pdf"), FormDisposition.parse("form-data; name=\"file\"; filename=\"say \\\"hi\\\"; x=1.pdf\""));
        assertEquals(new FormDisposition("file", "C:\\fakepath\\a.pdf"), FormDisposition.parse("form-data; name=\"file\"; filename=\"C:\\fakepath\\a.pdf\""));
        assertEquals(new FormDisposition("file", "東京.pdf"),
                FormDisposition.parse("form-data; name=\"file\"; filename=\"fallback.pdf\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.pdf"));
        assertEquals(new FormDisposition("file", "café.pdf"), FormDisposition.parse("form-data; name=\"file\"; filename*=iso-8859-1'en'caf%E9.pdf"));
    }

    @Test
    void what_is_not_form_data_or_not_well_formed_names_nothing_it_cannot_read() {
        assertNull(FormDisposition.parse(null).name());
        assertNull(FormDisposition.parse("attachment; name=\"file\"").name());
        assertEquals("plain.pdf", FormDisposition.parse("form-data; name=\"file\"; filename=\"plain.pdf\"; filename*=UTF-8''%ZZ").filename());
        assertNull(FormDisposition.decodeExtended("koi8-r''abc"));
        assertNull(FormDisposition.decodeExtended("UTF-8''%4"));
    }
}
