package com.coachway.dispatch.remote;

import java.util.List;

/**
 * The charter status moves that take a charter from where it is to where a trip event says it
 * should be. The lifecycle charter-service allows is booked → confirmed → in_progress →
 * completed, one step at a time; a charter already at the target or past it (or cancelled, or
 * not yet booked, which dispatch cannot fix) needs nothing. Pure.
 */
public final class CharterProgressRule {
    static final List<String> LIFECYCLE = List.of("booked", "confirmed", "in_progress", "completed");

    private CharterProgressRule() {
    }

    /** The statuses to post, in order; empty when there is nothing to do. */
    public static List<String> steps(String current, String target) {
        int from = LIFECYCLE.indexOf(current);
        int to = LIFECYCLE.indexOf(target);
        if (to < 0) throw new IllegalArgumentException("not a status dispatch moves charters to: " + target);
        if (from < 0 || from >= to) return List.of();
        return LIFECYCLE.subList(from + 1, to + 1);
    }
}
