package com.coachway.document.documents;

import com.coachway.common.http.FieldError;
import com.coachway.document.owners.EntityType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UploadFormTest {
    private static List<String> fieldsIn(Map<String, String> fields) {
        var errors = new ArrayList<FieldError>();
        assertNull(UploadForm.of(fields, errors));
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void a_complete_form_is_read() {
        UUID id = UUID.randomUUID();
        var form = UploadForm.of(Map.of("entity_type", "vehicle", "entity_id", id.toString(), "kind", "insurance", "description", "  2027 card "),
                new ArrayList<>());
        assertEquals(new UploadForm(EntityType.VEHICLE, id, "insurance", "2027 card"), form);
    }

    @Test
    void each_problem_is_named() {
        assertEquals(List.of("entity_type", "entity_id", "kind"), fieldsIn(Map.of()));
        var bad = new HashMap<String, String>(Map.of("entity_type", "invoice", "entity_id", "1-1-1-1-1", "kind", "Bad Kind"));
        assertEquals(List.of("entity_type", "entity_id", "kind"), fieldsIn(bad));
        var longDescription = new HashMap<String, String>(Map.of("entity_type", "charter", "entity_id", UUID.randomUUID().toString(),
                "kind", "contract", "description", "d".repeat(1_001)));
        assertEquals(List.of("description"), fieldsIn(longDescription));
        assertEquals(List.of("kind"), fieldsIn(Map.of("entity_type", "client", "entity_id", UUID.randomUUID().toString(), "kind", "k".repeat(51))));
    }
}
