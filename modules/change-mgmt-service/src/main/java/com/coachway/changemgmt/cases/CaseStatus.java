package com.coachway.changemgmt.cases;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow: submitted → under_review → approved | rejected; approved → implementing →
 * implemented | implementation_failed (→ implementing again); submitted | under_review →
 * cancelled. Approve and reject only after a review.
 */
public enum CaseStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, CANCELLED, IMPLEMENTING, IMPLEMENTED, IMPLEMENTATION_FAILED;

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
            SUBMITTED, Set.of(UNDER_REVIEW, CANCELLED),
            UNDER_REVIEW, Set.of(APPROVED, REJECTED, CANCELLED),
            APPROVED, Set.of(IMPLEMENTING),
            IMPLEMENTING, Set.of(IMPLEMENTED, IMPLEMENTATION_FAILED),
            IMPLEMENTATION_FAILED, Set.of(IMPLEMENTING),
            REJECTED, Set.of(),
            CANCELLED, Set.of(),
            IMPLEMENTED, Set.of());

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean canMoveTo(CaseStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** Why {@code from → to} is refused (the 409's detail, naming the current state), or empty when it is allowed. */
    public static Optional<String> refusal(CaseStatus from, CaseStatus to) {
        if (from.canMoveTo(to)) return Optional.empty();
        String hint = switch (to) {
            case APPROVED, REJECTED -> from == SUBMITTED ? "; review it first" : "; only a case under review is decided";
            case CANCELLED -> "; only a case not yet decided can be cancelled";
            case IMPLEMENTING -> "; only an approved case (or one whose implementation failed) is implemented";
            default -> "";
        };
        return Optional.of("The case is " + from.code() + ": it cannot become " + to.code() + hint);
    }
}
