package com.coachway.charter.charters;

/** Human charter references, CW-<year>-<number>: at least 5 digits, more once the sequence passes 99999. */
public final class Reference {
    private Reference() {
    }

    public static String format(int year, long number) {
        if (number < 1) throw new IllegalArgumentException("reference numbers start at 1, got " + number);
        return String.format("CW-%04d-%05d", year, number);
    }
}
