package com.coachway.dispatch.drivers;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.time.LocalDate;
import java.util.UUID;

/** Drivers over HTTP: read the request, call one {@link DriverActions} use case, write the answer. */
public final class DriverHandler {
    private final DriverActions actions;

    public DriverHandler(DriverActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String status = q.string("status");
        UUID vendorId = q.uuid("vendor_id");
        String text = q.string("q");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(new DriverStore.Filter(status, vendorId, text), page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(Ids.pathId(ctx, "id", "Driver")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String phone = in.optionalString("phone");
        String email = in.optionalEmail("email");
        UUID vendorId = in.optionalUuid("vendor_id");
        String number = in.requiredString("license_number");
        String state = in.requiredString("license_state");
        String licenseClass = in.requiredString("license_class");
        Boolean endorsement = in.requiredBool("passenger_endorsement");
        LocalDate licenseExpires = in.requiredDate("license_expires_on");
        LocalDate medicalExpires = in.requiredDate("medical_card_expires_on");
        String status = in.optionalString("status");
        in.validate();
        Driver d = actions.create(caller, new DriverValues(name, phone, email, vendorId, number, state, licenseClass, endorsement,
                licenseExpires, medicalExpires, status == null ? "active" : status));
        ctx.status(201).header("Location", "/drivers/" + d.id()).json(d);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Driver");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String phone = in.optionalString("phone");
        String email = in.optionalEmail("email");
        UUID vendorId = in.optionalUuid("vendor_id");
        String number = in.has("license_number") ? in.requiredString("license_number") : null;
        String state = in.has("license_state") ? in.requiredString("license_state") : null;
        String licenseClass = in.has("license_class") ? in.requiredString("license_class") : null;
        Boolean endorsement = in.has("passenger_endorsement") ? in.requiredBool("passenger_endorsement") : null;
        LocalDate licenseExpires = in.has("license_expires_on") ? in.requiredDate("license_expires_on") : null;
        LocalDate medicalExpires = in.has("medical_card_expires_on") ? in.requiredDate("medical_card_expires_on") : null;
        String status = in.has("status") ? in.requiredString("status") : null;
        in.validate();
        ctx.json(actions.update(caller, id, version, new DriverPatch(name, in.has("phone"), phone, in.has("email"), email,
                in.has("vendor_id"), vendorId, number, state, licenseClass, endorsement, licenseExpires, medicalExpires, status)));
    }
}
