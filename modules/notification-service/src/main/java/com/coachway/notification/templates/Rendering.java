package com.coachway.notification.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mustache through jmustache, strictly: a variable or section the data does not have (or has as
 * null) is an error, never an empty string, so a message never goes out with a hole in it.
 * Messages are plain text (email text/plain, SMS), so nothing is HTML-escaped; partials are not
 * supported (a template is one self-contained text).
 */
public final class Rendering {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(true);

    private Rendering() {
    }

    /** Why {@code text} is not a template we can render, if it is not. */
    public static Optional<String> problemIn(String text) {
        try {
            var collector = new NameCollector(new LinkedHashSet<>(), new ArrayList<>(), new StringBuilder(), true);
            compile(text).visit(collector);
            if (!collector.partials().isEmpty()) return Optional.of("partials ({{> " + collector.partials().getFirst() + "}}) are not supported");
            // jmustache keeps an unclosed tag as text; it would reach the customer as "{{name"
            if (collector.text().indexOf("{{") >= 0) return Optional.of("has a {{ that opens no complete tag");
            return Optional.empty();
        } catch (MustacheException e) {
            return Optional.of("is not a valid Mustache template: " + e.getMessage());
        }
    }

    /** The top-level names a valid template uses, variables and sections, in order of appearance. */
    public static List<String> variables(String text) {
        if (text == null) return List.of();
        var names = new LinkedHashSet<String>();
        compile(text).visit(new NameCollector(names, new ArrayList<>(), new StringBuilder(), false));
        return List.copyOf(names);
    }

    /** The text with {@code data}'s values; a missing or null value (or data the text cannot use) is a {@link Missing}. */
    public static String render(String text, JsonNode data) {
        try {
            return compile(text).execute(toContext(data));
        } catch (MustacheException.Context e) {
            throw new Missing(e.key, "has no value for the template variable '" + e.key + "' (line " + e.lineNo + ")");
        } catch (MustacheException e) {
            throw new Missing(null, "cannot be rendered into the template: " + e.getMessage());
        }
    }

    /** A variable the template uses and the data lacks ({@code variable} null: the data as a whole does not fit). */
    public static final class Missing extends RuntimeException {
        private final String variable;

        Missing(String variable, String message) {
            super(message);
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    private static Template compile(String text) {
        return COMPILER.compile(text);
    }

    /** JSON as the plain Java values jmustache looks names up in; numbers keep their written scale (99.90). */
    static Object toContext(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toContext(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<Object>();
            node.forEach(n -> list.add(toContext(n)));
            return list;
        }
        if (node.isBoolean()) return node.booleanValue();
        if (node.isNumber()) return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
        return node.asText();
    }

    /** With {@code descend} it reads sections' insides too (their text), but then its names are not the top level's. */
    private record NameCollector(Set<String> names, List<String> partials, StringBuilder text, boolean descend) implements Mustache.Visitor {
        @Override
        public void visitText(String part) {
            text.append(part);
        }

        @Override
        public void visitVariable(String name) {
            add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            partials.add(name);
            return false;
        }

        @Override
        public boolean visitSection(String name) {
            add(name);
            return descend;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            add(name);
            return descend;
        }

        private void add(String name) {
            if (name.equals(".") || name.equals("this") || name.startsWith("-")) return;
            int dot = name.indexOf('.');
            names.add(dot > 0 ? name.substring(0, dot) : name);
        }
    }
}
