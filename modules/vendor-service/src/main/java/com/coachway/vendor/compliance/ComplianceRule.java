package com.coachway.vendor.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a vendor's papers let it work on a given day. Per kind, of the documents that qualify
 * (liability insurance only with coverage of at least $5,000,000.00): one still valid (valid
 * through its expires_on day; none: never expires) satisfies the kind, and the kind is expiring
 * when the latest of its valid documents runs out within 30 days; none valid but some expired →
 * expired; none at all → missing, which only a required kind can be. Compliant: no required kind
 * missing or expired.
 */
public final class ComplianceRule {
    public static final BigDecimal MIN_LIABILITY_COVERAGE = new BigDecimal("5000000.00");
    public static final int EXPIRING_WITHIN_DAYS = 30;

    private ComplianceRule() {
    }

    /** What the rule reads of a document. */
    public record Paper(ComplianceKind kind, LocalDate expiresOn, BigDecimal coverageAmount) {
    }

    public static Compliance evaluate(UUID vendorId, List<Paper> papers, LocalDate today) {
        var missing = new ArrayList<String>();
        var expired = new ArrayList<String>();
        var expiring = new ArrayList<String>();
        LocalDate horizon = today.plusDays(EXPIRING_WITHIN_DAYS);
        for (ComplianceKind kind : ComplianceKind.values()) {
            var qualifying = papers.stream().filter(p -> p.kind() == kind && qualifies(p)).toList();
            if (qualifying.isEmpty()) {
                if (kind.required()) missing.add(kind.code());
                continue;
            }
            var valid = qualifying.stream().filter(p -> p.expiresOn() == null || !p.expiresOn().isBefore(today)).toList();
            if (valid.isEmpty()) {
                expired.add(kind.code());
                continue;
            }
            Optional<LocalDate> lastsUntil = valid.stream().anyMatch(p -> p.expiresOn() == null) ? Optional.empty()
                    : valid.stream().map(Paper::expiresOn).max(LocalDate::compareTo);
            if (lastsUntil.isPresent() && !lastsUntil.get().isAfter(horizon)) expiring.add(kind.code());
        }
        boolean compliant = missing.isEmpty() && expired.stream().noneMatch(k -> ComplianceKind.of(k).required());
        return new Compliance(vendorId, today, compliant, List.copyOf(missing), List.copyOf(expired), List.copyOf(expiring));
    }

    private static boolean qualifies(Paper p) {
        if (p.kind() != ComplianceKind.LIABILITY_INSURANCE) return true;
        return p.coverageAmount() != null && p.coverageAmount().compareTo(MIN_LIABILITY_COVERAGE) >= 0;
    }
}
