package com.coachway.client.clients;

import com.coachway.client.access.Tenancy;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.UUID;


/** Clients over HTTP: search, create, read, change, delete; what each does is in {@link ClientActions}. */
public final class ClientHandler {
    private static final Logger log = LoggerFactory.getLogger(ClientHandler.class);

    private final ClientActions actions;

    public ClientHandler(ClientActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var q = Query.of(ctx);
        var filter = new ClientStore.Filter(q.string("q"), q.string("type"), q.string("status"),
                Tenancy.of(caller).onlyClient().orElse(null));
        String sort = q.string("sort");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(filter, ClientSort.parse(sort), page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        ctx.json(actions.get(Tenancy.of(ServiceApp.caller(ctx)), id));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String type = in.requiredString("type");
        String email = in.requiredEmail("email");
        String phone = FieldInput.phone(in, "phone");
        Address address = FieldInput.address(in, "billing_address");
        Integer terms = in.has("payment_terms_days") ? paymentTerms(in) : Integer.valueOf(ClientFields.DEFAULT_PAYMENT_TERMS);
        BigDecimal creditLimit = in.has("credit_limit") ? creditLimit(in) : ClientFields.DEFAULT_CREDIT_LIMIT;
        Boolean taxExempt = in.has("tax_exempt") ? in.requiredBool("tax_exempt") : Boolean.FALSE;
        String notes = FieldInput.blankToNull(in.optionalString("notes"));
        String status = in.has("status") ? in.requiredString("status") : "active";
        in.validate();

        var data = new ClientStore.Data(name, type, email, phone, address, terms, creditLimit, taxExempt, notes, status);
        UUID id = Ids.newId();
        Client created = actions.create(id, data);
        log.info("client {} created by {}", id, ServiceApp.caller(ctx).subject());
        ctx.status(201).header("Location", "/clients/" + id).json(created);
    }

    public void update(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String type = in.has("type") ? in.requiredString("type") : null;
        String email = in.has("email") ? in.requiredEmail("email") : null;
        String phone = FieldInput.phone(in, "phone");
        Address address = FieldInput.address(in, "billing_address");
        Integer terms = in.has("payment_terms_days") ? paymentTerms(in) : null;
        BigDecimal creditLimit = in.has("credit_limit") ? creditLimit(in) : null;
        Boolean taxExempt = in.has("tax_exempt") ? in.requiredBool("tax_exempt") : null;
        String notes = FieldInput.blankToNull(in.optionalString("notes"));
        String status = in.has("status") ? in.requiredString("status") : null;
        in.validate();

        var change = new ClientChange(name, type, email, in.has("phone"), phone, in.has("billing_address"), address,
                terms, creditLimit, taxExempt, in.has("notes"), notes, status);
        Client updated = actions.update(Tenancy.of(ServiceApp.caller(ctx)), id, version, change);
        log.info("client {} changed by {}", id, ServiceApp.caller(ctx).subject());
        ctx.json(updated);
    }

    /** Deletes a client that has never had a charter (charter-service is asked first). */
    public void delete(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Client");
        actions.delete(Tenancy.of(ServiceApp.caller(ctx)), id);
        log.info("client {} deleted by {}", id, ServiceApp.caller(ctx).subject());
        ctx.status(204);
    }

    private static Integer paymentTerms(JsonInput in) {
        return in.requiredInt("payment_terms_days");
    }

    private static BigDecimal creditLimit(JsonInput in) {
        return in.requiredDecimal("credit_limit", 2);
    }
}
