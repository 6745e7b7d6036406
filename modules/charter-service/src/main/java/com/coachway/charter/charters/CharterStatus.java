package com.coachway.charter.charters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The charter lifecycle: inquiry → quoted → booked → confirmed → in_progress → completed, and
 * cancelled from any state before in_progress. quoted and booked are reached only through quotes
 * (send, accept), never through the status endpoint: a booking without an accepted price would
 * leave payment-service nothing to schedule.
 */
public enum CharterStatus {
    INQUIRY, QUOTED, BOOKED, CONFIRMED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** The targets the status endpoint may set; the others come from quotes. */
    public static final Set<CharterStatus> SET_BY_STATUS_ENDPOINT = Set.of(CONFIRMED, IN_PROGRESS, COMPLETED, CANCELLED);

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CharterStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    public static CharterStatus of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown charter status " + code));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(CharterStatus::code).toList();
    }

    /** Completed and cancelled charters are history: nothing about them changes any more. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Whether the lifecycle has an edge from this state to {@code next}, whoever takes it. */
    public boolean canMoveTo(CharterStatus next) {
        return switch (this) {
            case INQUIRY -> next == QUOTED || next == CANCELLED;
            case QUOTED -> next == BOOKED || next == CANCELLED;
            case BOOKED -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == IN_PROGRESS || next == CANCELLED;
            case IN_PROGRESS -> next == COMPLETED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** The states one may go to from here, in lifecycle order (for messages). */
    public List<CharterStatus> next() {
        return Arrays.stream(values()).filter(this::canMoveTo).toList();
    }

    /**
     * Why {@code POST /charters/{id}/status} may not move a charter from this state to {@code target},
     * or empty when it may. Every reason names the current state.
     */
    public Optional<String> refusalByStatusEndpoint(CharterStatus target) {
        if (target == QUOTED || target == BOOKED) {
            String how = target == QUOTED ? "sending a quote (POST /quotes/{id}/send)" : "accepting a sent quote (POST /quotes/{id}/accept)";
            return Optional.of("The charter is " + code() + "; it becomes " + target.code() + " only by " + how);
        }
        return refusal(target);
    }

    /** Why the lifecycle forbids going from this state to {@code target}, naming the current state. */
    public Optional<String> refusal(CharterStatus target) {
        if (canMoveTo(target)) return Optional.empty();
        if (target == this) return Optional.of("The charter is already " + code());
        if (isClosed()) return Optional.of("The charter is " + code() + "; it cannot change any more");
        String allowed = String.join(" or ", next().stream().map(CharterStatus::code).toList());
        return Optional.of("The charter is " + code() + "; it can go to " + allowed + ", not " + target.code());
    }
}
