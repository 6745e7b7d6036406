package com.coachway.notification.templates;

import com.coachway.common.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(text);
    }

    @Test
    void variables_are_filled_in_as_plain_text_and_numbers_keep_their_cents() throws Exception {
        String out = Rendering.render("Dear {{name}}: {{total}} {{currency}} & {{n}}", json("{\"name\":\"Ann <A&B>\",\"total\":1250.50,\"currency\":\"USD\",\"n\":3}"));
        assertEquals("Dear Ann <A&B>: 1250.50 USD & 3", out);
    }

    @Test
    void a_missing_or_null_variable_is_refused_naming_it() throws Exception {
        var missing = assertThrows(Rendering.Missing.class, () -> Rendering.render("Hi {{name}}\n{{ref}}", json("{\"name\":\"Ann\"}")));
        assertEquals("ref", missing.variable());
        assertTrue(missing.getMessage().contains("line 2"), missing.getMessage());
        assertEquals("name", assertThrows(Rendering.Missing.class, () -> Rendering.render("Hi {{name}}", json("{\"name\":null}"))).variable());
        assertThrows(Rendering.Missing.class, () -> Rendering.render("{{#stops}}{{address}}{{/stops}}", json("{}")));
    }

    @Test
    void sections_and_nested_names_read_the_data() throws Exception {
        assertEquals("A;B;", Rendering.render("{{#stops}}{{address}};{{/stops}}", json("{\"stops\":[{\"address\":\"A\"},{\"address\":\"B\"}]}")));
        assertEquals("Acme", Rendering.render("{{client.name}}", json("{\"client\":{\"name\":\"Acme\"}}")));
        assertEquals("none", Rendering.render("{{^stops}}none{{/stops}}", json("{\"stops\":[]}")));
    }

    @Test
    void a_template_that_does_not_compile_or_uses_partials_is_named_as_such() {
        assertTrue(Rendering.problemIn("Hi {{name").isPresent());
        assertTrue(Rendering.problemIn("{{#a}}x").isPresent());
        assertTrue(Rendering.problemIn("{{#a}}x{{/b}}").isPresent());
        assertTrue(Rendering.problemIn("{{> footer}}").orElseThrow().contains("partials"));
        assertTrue(Rendering.problemIn("Hi {{name}}, {{#stops}}{{address}}{{/stops}}").isEmpty());
    }

    @Test
    void variables_lists_the_top_level_names_once_in_order() {
        assertEquals(List.of("name", "client", "stops"), Rendering.variables("{{name}} {{client.name}} {{#stops}}{{address}}{{/stops}} {{name}}"));
    }

    @Test
    void every_seeded_subject_and_body_would_compile() {
        for (String text : List.of("Your CoachWay quote {{reference}}", "{{a}}\n\n{{b}}")) assertTrue(Rendering.problemIn(text).isEmpty());
    }
}
