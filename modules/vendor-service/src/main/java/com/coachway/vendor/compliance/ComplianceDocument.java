package com.coachway.vendor.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One paper a vendor filed: what it is, when it runs out, and for insurance how much it covers. */
public record ComplianceDocument(UUID id, UUID vendorId, String kind, LocalDate issuedOn, LocalDate expiresOn,
                                 BigDecimal coverageAmount, UUID documentId, String createdBy, OffsetDateTime createdAt) {
}
