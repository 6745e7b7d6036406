package com.coachway.vendor.vendors;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.vendor.access.VendorScope;
import io.javalin.http.Context;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Vendors over HTTP: read the request, call one {@link VendorActions} use case, write the answer. */
public final class VendorHandler {
    private static final List<String> PATCHABLE = List.of("name", "legal_name", "dot_number", "mc_number", "email", "phone",
            "address", "service_states", "fleet_size", "status");

    private final VendorActions actions;

    public VendorHandler(VendorActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new VendorStore.Filter(q.string("status"), q.string("q"), q.string("state"));
        var page = q.page();
        q.validate();
        ctx.json(actions.list(filter, page));
    }

    public void get(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        ctx.json(actions.get(VendorScope.of(caller), Ids.pathId(ctx, "id", "Vendor")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        var values = new VendorStore.Values(in.requiredString("name"), in.optionalString("legal_name"),
                in.optionalString("dot_number"), mc(in.optionalString("mc_number")), in.requiredEmail("email"),
                in.optionalString("phone"), in.optionalString("address"),
                in.has("service_states") ? in.requiredStringList("service_states") : List.of(), in.optionalInt("fleet_size"),
                VendorStatus.PENDING.code());
        in.validate();
        Vendor created = actions.create(caller, values);
        ctx.status(201).header("Location", "/vendors/" + created.id()).json(created);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Vendor");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        Set<String> present = new HashSet<>();
        for (String f : PATCHABLE) if (in.has(f)) present.add(f);
        var patch = new VendorPatch(present, in.has("name") ? in.requiredString("name") : null, in.optionalString("legal_name"),
                in.optionalString("dot_number"), mc(in.optionalString("mc_number")),
                in.has("email") ? in.requiredEmail("email") : null, in.optionalString("phone"), in.optionalString("address"),
                in.has("service_states") ? in.requiredStringList("service_states") : null, in.optionalInt("fleet_size"),
                in.has("status") ? in.requiredString("status") : null);
        in.validate();
        ctx.json(actions.update(caller, id, version, patch));
    }

    /** MC numbers are kept as MC-123456 however they are written. */
    private static String mc(String raw) {
        if (raw == null) return null;
        return "MC-" + raw.replaceFirst("^MC-?", "");
    }
}
