package com.coachway.client.contacts;

import com.coachway.client.access.Tenancy;
import com.coachway.client.clients.FieldInput;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** A client's contacts over HTTP; what each operation does is in {@link ContactActions}. */
public final class ContactHandler {
    private static final Logger log = LoggerFactory.getLogger(ContactHandler.class);

    private final ContactActions actions;

    public ContactHandler(ContactActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        Tenancy tenancy = Tenancy.of(ServiceApp.caller(ctx));
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(tenancy, clientId, page));
    }

    public void get(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        UUID contactId = Ids.pathId(ctx, "contact_id", "Contact");
        ctx.json(actions.get(Tenancy.of(ServiceApp.caller(ctx)), clientId, contactId));
    }

    public void create(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String email = in.optionalEmail("email");
        String phone = FieldInput.phone(in, "phone");
        String title = FieldInput.blankToNull(in.optionalString("title"));
        Boolean primary = in.has("is_primary") ? in.requiredBool("is_primary") : null;
        in.validate();

        var data = new ContactStore.Data(name, email, phone, title);
        UUID id = Ids.newId();
        Contact created = actions.create(Tenancy.of(ServiceApp.caller(ctx)), clientId, id, data, primary);
        log.info("contact {} of client {} created by {}", id, clientId, ServiceApp.caller(ctx).subject());
        ctx.status(201).header("Location", "/clients/" + clientId + "/contacts/" + id).json(created);
    }

    public void update(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        UUID contactId = Ids.pathId(ctx, "contact_id", "Contact");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String email = in.optionalEmail("email");
        String phone = FieldInput.phone(in, "phone");
        String title = FieldInput.blankToNull(in.optionalString("title"));
        Boolean primary = in.has("is_primary") ? in.requiredBool("is_primary") : null;
        in.validate();

        var change = new ContactChange(name, in.has("email"), email, in.has("phone"), phone, in.has("title"), title, primary);
        Contact updated = actions.update(Tenancy.of(ServiceApp.caller(ctx)), clientId, contactId, version, change);
        log.info("contact {} of client {} changed by {}", contactId, clientId, ServiceApp.caller(ctx).subject());
        ctx.json(updated);
    }

    public void delete(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        UUID contactId = Ids.pathId(ctx, "contact_id", "Contact");
        actions.delete(Tenancy.of(ServiceApp.caller(ctx)), clientId, contactId);
        log.info("contact {} of client {} deleted by {}", contactId, clientId, ServiceApp.caller(ctx).subject());
        ctx.status(204);
    }
}
