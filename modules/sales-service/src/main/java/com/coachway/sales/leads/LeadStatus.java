package com.coachway.sales.leads;

import java.util.List;
import java.util.Optional;

/**
 * The lead lifecycle: forward only along new → contacted → qualified → quoted → won (steps may be
 * skipped: a caller who asks for a quote at once is qualified already); any open lead may be
 * lost; won and lost are final.
 */
public final class LeadStatus {
    public static final String NEW = "new";
    public static final String CONTACTED = "contacted";
    public static final String QUALIFIED = "qualified";
    public static final String QUOTED = "quoted";
    public static final String WON = "won";
    public static final String LOST = "lost";
    static final List<String> FORWARD = List.of(NEW, CONTACTED, QUALIFIED, QUOTED, WON);

    private LeadStatus() {
    }

    public static boolean isFinal(String status) {
        return WON.equals(status) || LOST.equals(status);
    }

    /** Why {@code from → to} is refused, or empty when it is allowed (staying put is allowed). */
    public static Optional<String> refusal(String from, String to) {
        if (from.equals(to)) return Optional.empty();
        if (isFinal(from)) return Optional.of("The lead is " + from + "; that is final");
        if (LOST.equals(to)) return Optional.empty();
        if (FORWARD.indexOf(to) < FORWARD.indexOf(from)) {
            return Optional.of("The lead is " + from + "; it cannot go back to " + to);
        }
        return Optional.empty();
    }

    /** Converting makes an early lead qualified: it has a client and an inquiry now. */
    public static String afterConversion(String status) {
        return NEW.equals(status) || CONTACTED.equals(status) ? QUALIFIED : status;
    }
}
