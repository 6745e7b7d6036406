package com.coachway.vendor.vendors;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The approval lifecycle: pending → approved or suspended, approved ⇄ suspended. Nothing goes
 * back to pending: a vendor once reviewed stays reviewed.
 */
public enum VendorStatus {
    PENDING, APPROVED, SUSPENDED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VendorStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown vendor status " + code));
    }

    public boolean canMoveTo(VendorStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == SUSPENDED;
            case APPROVED -> next == SUSPENDED;
            case SUSPENDED -> next == APPROVED;
        };
    }

    /** Why the vendor cannot go to {@code next}, naming its current status; empty when it can. */
    public Optional<String> refusal(VendorStatus next) {
        if (canMoveTo(next)) return Optional.empty();
        if (this == next) return Optional.of("The vendor is already " + code());
        return Optional.of("The vendor is " + code() + "; it cannot go back to " + next.code());
    }
}
