package com.coachway.client.clients;

/**
 * How the list's "q" becomes patterns. q is a substring, not a pattern: LIKE's wildcards in it are
 * escaped. Phone numbers are written many ways, so a q holding at least 3 digits and nothing but
 * phone punctuation is also matched against the digits of each phone ("555-1234" finds
 * "(555) 123 4567"); fewer digits would match too much to be useful.
 */
public final class ClientSearch {
    public static final char ESCAPE = '\\';

    private ClientSearch() {
    }

    /** "%q%" with \, % and _ escaped (escape character {@link #ESCAPE}). */
    public static String containsPattern(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The digits of q when q looks like (part of) a phone number with 3+ digits; otherwise null. */
    public static String phoneDigits(String q) {
        if (!q.matches("^\\+?[0-9 ().\\-]+$")) return null;
        String digits = q.replaceAll("[^0-9]", "");
        return digits.length() >= 3 ? digits : null;
    }
}
