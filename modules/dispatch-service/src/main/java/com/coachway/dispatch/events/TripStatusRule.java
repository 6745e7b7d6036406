package com.coachway.dispatch.events;

import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How trip events move an assignment: scheduled → en_route → arrived_pickup → departed →
 * arrived_destination → completed, one step at a time; delay and incident are recorded without
 * moving it. A finished (completed or cancelled) assignment takes no events. Pure.
 */
public final class TripStatusRule {
    static final List<String> PATH = List.of("scheduled", "en_route", "arrived_pickup", "departed", "arrived_destination", "completed");
    static final List<String> RECORD_ONLY = List.of("delay", "incident");

    private TripStatusRule() {
    }

    /** The status after the event, or a refusal naming the current status. */
    public sealed interface Outcome permits Moved, Refused {
    }

    public record Moved(String status) implements Outcome {
    }

    public record Refused(String detail) implements Outcome {
    }

    public static Outcome apply(String current, String type) {
        if ("completed".equals(current) || "cancelled".equals(current)) {
            return new Refused("The assignment is " + current + "; it takes no more events");
        }
        if (RECORD_ONLY.contains(type)) return new Moved(current);
        int from = PATH.indexOf(current);
        int to = PATH.indexOf(type);
        if (to < 0) throw new IllegalArgumentException("not a trip event type: " + type);
        if (to != from + 1) {
            return new Refused("The assignment is " + current + "; " + type + " is not next (next is " + PATH.get(from + 1)
                    + ", or delay or incident)");
        }
        return new Moved(type);
    }

    /** What the body must say beyond its schema: delay_minutes with a delay and only then; lat and lon together. */
    public static List<FieldError> inputProblems(String type, Integer delayMinutes, Double lat, Double lon) {
        var out = new ArrayList<FieldError>();
        if ("delay".equals(type) && delayMinutes == null) out.add(new FieldError("delay_minutes", "is required with a delay"));
        if (!"delay".equals(type) && delayMinutes != null) out.add(new FieldError("delay_minutes", "is only for a delay"));
        if ((lat == null) != (lon == null)) out.add(new FieldError(lat == null ? "lat" : "lon", "lat and lon go together"));
        return out;
    }

    /** The charter status a trip event asks charter-service for, if any. */
    public static Optional<String> charterStatusFor(String type) {
        return switch (type) {
            case "departed" -> Optional.of("in_progress");
            case "completed" -> Optional.of("completed");
            default -> Optional.empty();
        };
    }
}
