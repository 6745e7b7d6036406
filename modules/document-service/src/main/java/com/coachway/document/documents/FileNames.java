package com.coachway.document.documents;

import java.nio.charset.StandardCharsets;

/**
 * File names in and out: what is kept of the name a client sent, and the Content-Disposition
 * that gives it back safely, whatever it holds (quotes, semicolons, line breaks, any script).
 */
public final class FileNames {
    public static final int MAX_LENGTH = 255;
    static final String FALLBACK = "document";

    private FileNames() {
    }

    /**
     * The name to keep: its last path segment (a browser may send C:\fakepath\a.pdf), without
     * control, formatting or bidirectional-override characters (which can hide a name's real
     * extension), trimmed, at most {@value #MAX_LENGTH} characters with its extension kept.
     */
    public static String clean(String raw) {
        if (raw == null) return FALLBACK;
        int slash = Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\'));
        String last = raw.substring(slash + 1);
        var out = new StringBuilder();
        last.codePoints().filter(FileNames::keep).forEach(out::appendCodePoint);
        String name = out.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return FALLBACK;
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) name = shorten(name);
        return name;
    }

    private static boolean keep(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }

    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
        String stem = name.substring(0, name.length() - ext.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + ext;
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>}
     * (RFC 6266 with RFC 5987): every byte of it is printable ASCII, and the only characters that
     * end a value (quote, backslash) or start an escape (percent) never appear unescaped, so no
     * name can add a parameter or a header.
     */
    public static String contentDisposition(String name) {
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    static String asciiFallback(String name) {
        var out = new StringBuilder();
        name.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        return out.toString();
    }

    /** RFC 5987 attr-char stays, every other UTF-8 byte is %XX. */
    static String percentEncode(String name) {
        var out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
