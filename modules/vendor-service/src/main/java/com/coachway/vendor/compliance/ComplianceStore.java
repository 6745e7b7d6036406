package com.coachway.vendor.compliance;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.vendor.tables.records.ComplianceDocumentsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.db.vendor.Tables.COMPLIANCE_DOCUMENTS;

/** The jOOQ queries for compliance documents. */
public final class ComplianceStore {

    private static ComplianceDocument toDocument(Record r) {
        return new ComplianceDocument(r.get(COMPLIANCE_DOCUMENTS.ID), r.get(COMPLIANCE_DOCUMENTS.VENDOR_ID),
                r.get(COMPLIANCE_DOCUMENTS.KIND), r.get(COMPLIANCE_DOCUMENTS.ISSUED_ON), r.get(COMPLIANCE_DOCUMENTS.EXPIRES_ON),
                r.get(COMPLIANCE_DOCUMENTS.COVERAGE_AMOUNT), r.get(COMPLIANCE_DOCUMENTS.DOCUMENT_ID),
                r.get(COMPLIANCE_DOCUMENTS.CREATED_BY), r.get(COMPLIANCE_DOCUMENTS.CREATED_AT));
    }

    private static ComplianceRule.Paper toPaper(Record r) {
        return new ComplianceRule.Paper(ComplianceKind.of(r.get(COMPLIANCE_DOCUMENTS.KIND)), r.get(COMPLIANCE_DOCUMENTS.EXPIRES_ON),
                r.get(COMPLIANCE_DOCUMENTS.COVERAGE_AMOUNT));
    }

    public Optional<ComplianceDocument> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(COMPLIANCE_DOCUMENTS).where(COMPLIANCE_DOCUMENTS.ID.eq(id)).fetchOptional(ComplianceStore::toDocument);
    }

    private static final Keyset BY_CREATED = Keyset.of("compliance-documents", COMPLIANCE_DOCUMENTS.CREATED_AT.asc(),
            COMPLIANCE_DOCUMENTS.ID.asc());

    public Page<ComplianceDocument> list(DSLContext ctx, UUID vendorId, String kind, PageRequest page) {
        Condition where = COMPLIANCE_DOCUMENTS.VENDOR_ID.eq(vendorId);
        if (kind != null) where = where.and(COMPLIANCE_DOCUMENTS.KIND.eq(kind));
        int total = ctx.fetchCount(COMPLIANCE_DOCUMENTS, where);
        return BY_CREATED.page(ctx.selectFrom(COMPLIANCE_DOCUMENTS).where(where), page, total, ComplianceStore::toDocument);
    }

    public List<ComplianceRule.Paper> papers(DSLContext ctx, UUID vendorId) {
        return ctx.select(COMPLIANCE_DOCUMENTS.KIND, COMPLIANCE_DOCUMENTS.EXPIRES_ON, COMPLIANCE_DOCUMENTS.COVERAGE_AMOUNT)
                .from(COMPLIANCE_DOCUMENTS).where(COMPLIANCE_DOCUMENTS.VENDOR_ID.eq(vendorId))
                .fetch(ComplianceStore::toPaper);
    }

    /** The papers of several vendors in one query, by vendor. */
    public Map<UUID, List<ComplianceRule.Paper>> papers(DSLContext ctx, Collection<UUID> vendorIds) {
        return ctx.select(COMPLIANCE_DOCUMENTS.VENDOR_ID, COMPLIANCE_DOCUMENTS.KIND, COMPLIANCE_DOCUMENTS.EXPIRES_ON,
                        COMPLIANCE_DOCUMENTS.COVERAGE_AMOUNT)
                .from(COMPLIANCE_DOCUMENTS).where(COMPLIANCE_DOCUMENTS.VENDOR_ID.in(vendorIds))
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(COMPLIANCE_DOCUMENTS.VENDOR_ID),
                        Collectors.mapping(ComplianceStore::toPaper, Collectors.toList())));
    }

    public record Values(String kind, LocalDate issuedOn, LocalDate expiresOn, BigDecimal coverageAmount, UUID documentId) {
    }

    public void insert(DSLContext tx, UUID id, UUID vendorId, Values v, String createdBy, OffsetDateTime now) {
        var row = new ComplianceDocumentsRecord();
        row.setId(id);
        row.setVendorId(vendorId);
        row.setKind(v.kind());
        row.setIssuedOn(v.issuedOn());
        row.setExpiresOn(v.expiresOn());
        row.setCoverageAmount(v.coverageAmount());
        row.setDocumentId(v.documentId());
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        tx.insertInto(COMPLIANCE_DOCUMENTS).set(row).execute();
    }
}
