package com.coachway.vendor.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A vendor's compliance on one day, as {@link ComplianceRule} computes it. Kinds are listed by their codes. */
public record Compliance(UUID vendorId, LocalDate asOf, boolean compliant, List<String> missing, List<String> expired,
                         @JsonProperty("expiring_within_30_days") List<String> expiringWithin30Days) {

    /** "missing w9; expired liability_insurance": what a refused bid says. */
    public String why() {
        var parts = new java.util.ArrayList<String>();
        if (!missing.isEmpty()) parts.add("missing " + String.join(", ", missing));
        var expiredRequired = expired.stream().filter(k -> ComplianceKind.of(k).required()).collect(Collectors.toList());
        if (!expiredRequired.isEmpty()) parts.add("expired " + String.join(", ", expiredRequired));
        return String.join("; ", parts);
    }
}
