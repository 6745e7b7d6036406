package com.coachway.client.contacts;

import com.coachway.common.auth.ClientScope;
import com.coachway.client.clients.ClientStore;
import com.coachway.client.clients.FieldInput;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** A client's contacts, and which one of them is primary. */
public final class ContactHandler {
    private static final Logger log = LoggerFactory.getLogger(ContactHandler.class);

    private final DSLContext dsl;
    private final ClientStore clients;
    private final ContactStore contacts;

    public ContactHandler(DSLContext dsl, ClientStore clients, ContactStore contacts) {
        this.dsl = dsl;
        this.clients = clients;
        this.contacts = contacts;
    }

    public void list(Context ctx) {
        UUID clientId = visibleClientId(ctx);
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        if (!clients.exists(clientId)) throw ApiException.notFound("Client");
        ctx.json(contacts.list(clientId, page));
    }

    public void get(Context ctx) {
        UUID clientId = visibleClientId(ctx);
        UUID contactId = Ids.pathId(ctx, "contact_id", "Contact");
        ctx.json(contacts.find(clientId, contactId).orElseThrow(() -> ApiException.notFound("Contact")));
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
        Contact created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            boolean clientHasPrimary = contacts.hasPrimary(tx, clientId);
            boolean isPrimary = PrimaryRule.newContactIsPrimary(primary, clientHasPrimary);
            if (PrimaryRule.mustUnmarkOther(isPrimary, false, clientHasPrimary)) contacts.unmarkPrimary(tx, clientId);
            contacts.insert(tx, id, clientId, data, isPrimary);
            return contacts.find(tx, clientId, id).orElseThrow();
        });
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

        Contact updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            Contact before = contacts.find(tx, clientId, contactId).orElseThrow(() -> ApiException.notFound("Contact"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            boolean isPrimary = PrimaryRule.isPrimaryAfter(primary, before.isPrimary());
            if (PrimaryRule.mustUnmarkOther(isPrimary, before.isPrimary(), contacts.hasPrimary(tx, clientId))) {
                contacts.unmarkPrimary(tx, clientId);
            }
            // Absent fields keep their value; email, phone and title are cleared by an explicit null.
            contacts.update(tx, contactId, new ContactStore.Data(
                    name != null ? name : before.name(),
                    in.has("email") ? email : before.email(),
                    in.has("phone") ? phone : before.phone(),
                    in.has("title") ? title : before.title()), isPrimary);
            return contacts.find(tx, clientId, contactId).orElseThrow();
        });
        log.info("contact {} of client {} changed by {}", contactId, clientId, ServiceApp.caller(ctx).subject());
        ctx.json(updated);
    }

    public void delete(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        UUID contactId = Ids.pathId(ctx, "contact_id", "Contact");
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            if (!contacts.delete(tx, clientId, contactId)) throw ApiException.notFound("Contact");
        });
        log.info("contact {} of client {} deleted by {}", contactId, clientId, ServiceApp.caller(ctx).subject());
        ctx.status(204);
    }

    /** The path's client id, when the caller may see that client (otherwise the client 404). */
    private static UUID visibleClientId(Context ctx) {
        UUID clientId = Ids.pathId(ctx, "id", "Client");
        ClientScope.check(ServiceApp.caller(ctx), clientId, "Client");
        return clientId;
    }
}
