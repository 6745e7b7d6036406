package com.coachway.vendor.compliance;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.vendor.access.VendorScope;
import com.coachway.vendor.vendors.VendorStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Compliance papers and the status computed from them on the company's today. */
public final class ComplianceActions {
    private static final Logger log = LoggerFactory.getLogger(ComplianceActions.class);

    private final DSLContext dsl;
    private final ComplianceStore documents;
    private final VendorStore vendors;
    private final ZoneId zone;
    private final Clock clock;

    public ComplianceActions(DSLContext dsl, ComplianceStore documents, VendorStore vendors, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.documents = documents;
        this.vendors = vendors;
        this.zone = zone;
        this.clock = clock;
    }

    /** The calendar day in the company's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Page<ComplianceDocument> list(VendorScope scope, UUID vendorId, String kind, PageRequest page) {
        if (!vendors.exists(dsl, scope, vendorId)) throw ApiException.notFound("Vendor");
        return documents.list(dsl, vendorId, kind, page);
    }

    public ComplianceDocument create(Caller caller, UUID vendorId, ComplianceStore.Values values) {
        UUID id = Ids.newId();
        ComplianceDocument created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // the vendor must exist; papers are only ever added, so a shared lock is enough
            vendors.share(tx, vendorId).orElseThrow(() -> ApiException.notFound("Vendor"));
            documents.insert(tx, id, vendorId, values, caller.subject(), OffsetDateTime.now(clock));
            return documents.find(tx, id).orElseThrow();
        });
        log.info("compliance document {} ({}) filed for vendor {} by {}", id, values.kind(), vendorId, caller.subject());
        return created;
    }

    public Compliance compliance(VendorScope scope, UUID vendorId) {
        if (!vendors.exists(dsl, scope, vendorId)) throw ApiException.notFound("Vendor");
        return of(dsl, vendorId);
    }

    /** The vendor's compliance today, read on {@code ctx} (a transaction's, when a decision depends on it). */
    public Compliance of(DSLContext ctx, UUID vendorId) {
        return ComplianceRule.evaluate(vendorId, documents.papers(ctx, vendorId), today());
    }

    /** Several vendors' compliance today, in one query. */
    public Map<UUID, Compliance> of(DSLContext ctx, Collection<UUID> vendorIds) {
        var papers = documents.papers(ctx, vendorIds);
        LocalDate today = today();
        return vendorIds.stream().collect(Collectors.toMap(id -> id,
                id -> ComplianceRule.evaluate(id, papers.getOrDefault(id, java.util.List.of()), today)));
    }
}
