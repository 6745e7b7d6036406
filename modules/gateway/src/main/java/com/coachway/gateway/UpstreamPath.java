package com.coachway.gateway;

/**
 * Kong's request-path handling, ported from Kong 3.9 ({@code kong/tools/uri.lua} normalize and
 * {@code kong/router/utils.lua} get_upstream_uri_v0). Kong 3's default router always uses the v0
 * join, whatever a route's {@code path_handling} says.
 */
final class UpstreamPath {
    private UpstreamPath() {
    }

    /**
     * Kong routes on (and forwards) the normalized path: %-escapes of unreserved characters are
     * decoded, other escapes upper-cased, slashes merged and dot segments removed. (Kong also
     * decodes "other" characters such as space, but re-escapes them when forwarding.)
     */
    static String normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String uri = rawPath.indexOf('%') >= 0 ? decodeUnreserved(rawPath) : rawPath;
        if (uri.indexOf('.') < 0 && !uri.contains("//")) {
            return uri;
        }
        return removeDotSegments(mergeSlashes(uri));
    }

    /**
     * The upstream path for a request on a route that strips its matched path {@code prefix}
     * (every route here does); {@code base} is the service path: "/" when it has none, otherwise
     * not ending in "/" (KongConfig refuses that).
     */
    static String join(String requestPath, String prefix, String base) {
        String postfix = sanitizePostfix(requestPath.substring(Math.min(prefix.length(), requestPath.length())));
        if (base.equals("/")) {
            if (postfix.isEmpty()) {
                return "/";
            }
            return postfix.startsWith("/") ? postfix : "/" + postfix;
        }
        if (postfix.isEmpty()) {
            return requestPath.length() > 1 && requestPath.endsWith("/") ? base + "/" : base;
        }
        return postfix.startsWith("/") ? base + postfix : base + "/" + postfix;
    }

    private static String sanitizePostfix(String postfix) {
        if (postfix.equals(".") || postfix.equals("..")) {
            return "";
        }
        if (postfix.startsWith("./")) {
            return postfix.substring(2);
        }
        if (postfix.startsWith("../")) {
            return postfix.substring(3);
        }
        return postfix;
    }

    private static final String UNRESERVED_PUNCTUATION = "-._~";

    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                int value = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                boolean unreserved = Character.isLetterOrDigit(value) && value < 0x80
                        || UNRESERVED_PUNCTUATION.indexOf(value) >= 0;
                if (unreserved) {
                    out.append((char) value);
                } else {
                    out.append('%').append(path.substring(i + 1, i + 3).toUpperCase());
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** RFC 3986 section 5.2.4. */
    private static String removeDotSegments(String input) {
        StringBuilder output = new StringBuilder();
        String in = input;
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                removeLastSegment(output);
            } else if (in.equals("/..")) {
                in = "/";
                removeLastSegment(output);
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                if (next < 0) {
                    next = in.length();
                }
                output.append(in, 0, next);
                in = in.substring(next);
            }
        }
        return output.isEmpty() ? "/" : output.toString();
    }

    private static void removeLastSegment(StringBuilder output) {
        int last = output.lastIndexOf("/");
        output.setLength(Math.max(last, 0));
    }

    private static String mergeSlashes(String path) {
        return path.replaceAll("/{2,}", "/");
    }
}
