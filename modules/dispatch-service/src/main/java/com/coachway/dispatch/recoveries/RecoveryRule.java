package com.coachway.dispatch.recoveries;

import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A recovery's lifecycle: open → dispatched (a replacement was sent) → resolved, or open →
 * resolved when none was needed; resolved is final. A replacement is sent once. Pure.
 */
public final class RecoveryRule {
    private RecoveryRule() {
    }

    /** What a PATCH asks for, read from its body. */
    public record Change(UUID replacementVehicleId, UUID replacementDriverId, String status, boolean hasNotes, String notes) {
        public boolean sendsReplacement() {
            return replacementVehicleId != null || replacementDriverId != null;
        }

        /** A replacement given without a status is sent: the recovery becomes dispatched. */
        public String targetStatus() {
            return status != null ? status : sendsReplacement() ? "dispatched" : null;
        }
    }

    /** What the body must say beyond its schema. */
    public static List<FieldError> inputProblems(Change c) {
        var out = new ArrayList<FieldError>();
        if (c.targetStatus() == null && !c.hasNotes()) {
            out.add(new FieldError("status", "nothing to change: give a replacement, a status or notes"));
        }
        if ("dispatched".equals(c.status()) && !c.sendsReplacement()) {
            out.add(new FieldError("replacement_vehicle_id", "dispatched needs a replacement vehicle or driver"));
        }
        if ("resolved".equals(c.status()) && c.sendsReplacement()) {
            out.add(new FieldError("status", "a replacement is sent with status dispatched"));
        }
        return out;
    }

    /** Why the recovery cannot go from {@code current} as asked; empty when it can. */
    public static Optional<String> refusal(String current, Change c) {
        if ("resolved".equals(current)) return Optional.of("The recovery is resolved; it cannot change any more");
        String target = c.targetStatus();
        if ("dispatched".equals(target) && !"open".equals(current)) {
            return Optional.of("The recovery is " + current + "; a replacement was sent already (open another recovery for another)");
        }
        return Optional.empty();
    }
}
