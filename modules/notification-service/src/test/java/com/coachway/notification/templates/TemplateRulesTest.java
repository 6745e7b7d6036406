package com.coachway.notification.templates;

import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRulesTest {
    @Test
    void an_email_needs_a_subject_and_an_sms_has_none() {
        assertEquals("subject", TemplateRules.problems("email", null, "Hi").getFirst().field());
        assertEquals("subject", TemplateRules.problems("sms", "Hello", "Hi").getFirst().field());
        assertTrue(TemplateRules.problems("email", "Hello {{name}}", "Hi {{name}}").isEmpty());
        assertTrue(TemplateRules.problems("sms", null, "Hi {{name}}").isEmpty());
    }

    @Test
    void each_text_that_does_not_compile_is_named() {
        var errors = TemplateRules.problems("email", "Hi {{", "{{#a}}");
        assertEquals(java.util.List.of("subject", "body"), errors.stream().map(FieldError::field).toList());
    }
}
