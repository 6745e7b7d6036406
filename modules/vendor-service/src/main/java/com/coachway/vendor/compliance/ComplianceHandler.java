package com.coachway.vendor.compliance;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.vendor.access.VendorScope;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Compliance over HTTP: read the request, call one {@link ComplianceActions} use case, write the answer. */
public final class ComplianceHandler {
    private final ComplianceActions actions;

    public ComplianceHandler(ComplianceActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID vendorId = Ids.pathId(ctx, "id", "Vendor");
        var q = Query.of(ctx);
        String kind = q.string("kind");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(VendorScope.of(caller), vendorId, kind, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID vendorId = Ids.pathId(ctx, "id", "Vendor");
        var in = JsonInput.of(ctx);
        String kind = in.requiredString("kind");
        LocalDate issuedOn = in.requiredDate("issued_on");
        LocalDate expiresOn = in.optionalDate("expires_on");
        BigDecimal coverage = in.optionalDecimal("coverage_amount", 2);
        UUID documentId = in.optionalUuid("document_id");
        if (issuedOn != null && expiresOn != null && expiresOn.isBefore(issuedOn)) in.error("expires_on", "must not be before issued_on");
        if (ComplianceKind.LIABILITY_INSURANCE.code().equals(kind) && coverage == null && !in.hasErrors()) {
            in.error("coverage_amount", "is required for liability_insurance");
        }
        in.validate();
        ComplianceDocument created = actions.create(caller, vendorId,
                new ComplianceStore.Values(kind, issuedOn, expiresOn, coverage, documentId));
        ctx.status(201).header("Location", "/vendors/" + vendorId + "/compliance-documents/" + created.id()).json(created);
    }

    public void compliance(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        ctx.json(actions.compliance(VendorScope.of(caller), Ids.pathId(ctx, "id", "Vendor")));
    }
}
