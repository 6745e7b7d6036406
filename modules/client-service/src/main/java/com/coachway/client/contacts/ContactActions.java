package com.coachway.client.contacts;

import com.coachway.client.access.Tenancy;
import com.coachway.client.clients.ClientStore;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;

import java.util.UUID;

/**
 * The contact use cases. Every change takes the client's row lock first (ClientStore.lock, within
 * the caller's tenancy), so changes to one client's contacts, and to which of them is primary,
 * happen one after another; the contact queries after it are of that client only.
 */
public final class ContactActions {
    private final DSLContext dsl;
    private final ClientStore clients;
    private final ContactStore contacts;

    public ContactActions(DSLContext dsl, ClientStore clients, ContactStore contacts) {
        this.dsl = dsl;
        this.clients = clients;
        this.contacts = contacts;
    }

    /** The client's contacts; a client outside the tenancy is not found. */
    public Page<Contact> list(Tenancy tenancy, UUID clientId, PageRequest page) {
        if (!clients.exists(dsl, tenancy, clientId)) throw ApiException.notFound("Client");
        return contacts.list(dsl, clientId, page);
    }

    public Contact get(Tenancy tenancy, UUID clientId, UUID contactId) {
        return contacts.find(dsl, tenancy, clientId, contactId).orElseThrow(() -> ApiException.notFound("Contact"));
    }

    /** Adds a contact; {@code primary} null means "primary exactly when the client has none" (PrimaryRule). */
    public Contact create(Tenancy tenancy, UUID clientId, UUID id, ContactStore.Data data, Boolean primary) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, tenancy, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            boolean clientHasPrimary = contacts.hasPrimary(tx, clientId);
            boolean isPrimary = PrimaryRule.newContactIsPrimary(primary, clientHasPrimary);
            if (PrimaryRule.mustUnmarkOther(isPrimary, false, clientHasPrimary)) contacts.unmarkPrimary(tx, clientId);
            contacts.insert(tx, id, clientId, data, isPrimary);
            return contacts.find(tx, Tenancy.all(), clientId, id).orElseThrow();
        });
    }

    /** Applies the change if the contact is still at {@code version} (409 otherwise). */
    public Contact update(Tenancy tenancy, UUID clientId, UUID contactId, int version, ContactChange change) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, tenancy, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            Contact before = contacts.find(tx, Tenancy.all(), clientId, contactId).orElseThrow(() -> ApiException.notFound("Contact"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            boolean isPrimary = PrimaryRule.isPrimaryAfter(change.primary(), before.isPrimary());
            if (PrimaryRule.mustUnmarkOther(isPrimary, before.isPrimary(), contacts.hasPrimary(tx, clientId))) {
                contacts.unmarkPrimary(tx, clientId);
            }
            contacts.update(tx, contactId, change.applyTo(before), isPrimary);
            return contacts.find(tx, Tenancy.all(), clientId, contactId).orElseThrow();
        });
    }

    public void delete(Tenancy tenancy, UUID clientId, UUID contactId) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            clients.lock(tx, tenancy, clientId).orElseThrow(() -> ApiException.notFound("Client"));
            if (!contacts.delete(tx, clientId, contactId)) throw ApiException.notFound("Contact");
        });
    }
}
