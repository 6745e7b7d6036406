package com.coachway.document.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The name and file name of a form-data part, from its Content-Disposition header
 * ({@code form-data; name="file"; filename="a.pdf"}, RFC 7578): quoted values with backslash
 * escapes (of a quote or backslash only), and the RFC 5987 {@code filename*=UTF-8''…} form, which wins when both are sent.
 */
public record FormDisposition(String name, String filename) {
    private static final FormDisposition NONE = new FormDisposition(null, null);

    public static FormDisposition parse(String header) {
        if (header == null) return NONE;
        var p = new Params(header);
        String type = p.token();
        if (!"form-data".equalsIgnoreCase(type)) return NONE;
        String name = null;
        String filename = null;
        String extended = null;
        while (p.skipSemicolon()) {
            String key = p.token().toLowerCase(Locale.ROOT);
            if (!p.skipEquals()) break;
            String value = p.value();
            switch (key) {
                case "name" -> name = value;
                case "filename" -> filename = value;
                case "filename*" -> extended = decodeExtended(value);
                default -> { }
            }
        }
        return new FormDisposition(name, extended != null ? extended : filename);
    }

    /** charset'language'percent-encoded (RFC 5987); null when it is not well formed. */
    static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) return null;
        Charset charset;
        String cs = value.substring(0, first).trim();
        if (cs.equalsIgnoreCase("UTF-8")) charset = StandardCharsets.UTF_8;
        else if (cs.equalsIgnoreCase("ISO-8859-1")) charset = StandardCharsets.ISO_8859_1;
        else return null;
        String encoded = value.substring(second + 1);
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) return null;
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toString(charset);
    }

    /** A tiny reader of {@code token *( ";" token "=" ( token | quoted-string ) )}. */
    private static final class Params {
        private final String s;
        private int i;

        Params(String s) {
            this.s = s;
        }

        private void spaces() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        }

        String token() {
            spaces();
            int start = i;
            while (i < s.length() && ";= \t\"".indexOf(s.charAt(i)) < 0) i++;
            return s.substring(start, i);
        }

        boolean skipSemicolon() {
            spaces();
            if (i < s.length() && s.charAt(i) == ';') {
                i++;
                return true;
            }
            return false;
        }

        boolean skipEquals() {
            spaces();
            if (i < s.length() && s.charAt(i) == '=') {
                i++;
                return true;
            }
            return false;
        }

        String value() {
            spaces();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                var out = new StringBuilder();
                while (i < s.length() && s.charAt(i) != '"') {
                    char c = s.charAt(i++);
                    // A backslash escapes only a quote or a backslash: an old browser's
                    // C:\fakepath\a.pdf keeps its backslashes (and so loses its path later).
                    if (c == '\\' && i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\\')) c = s.charAt(i++);
                    out.append(c);
                }
                i++; // the closing quote
                return out.toString();
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ';') i++;
            return s.substring(start, i).trim();
        }
    }
}
