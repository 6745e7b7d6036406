package com.coachway.client.contacts;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.client.Tables.CONTACTS;

/**
 * The jOOQ queries for contacts. Methods taking a DSLContext run in the caller's transaction; the
 * writing ones expect the caller to hold the client's row lock (ClientStore.lock), which is what
 * keeps two requests from making two primaries.
 */
public final class ContactStore {
    private final DSLContext dsl;

    public ContactStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Data(String name, String email, String phone, String title) {
    }

    // Mixed directions: the page start is an expanded comparison, bounded by the client (a client has few contacts).
    private static final Keyset PRIMARY_THEN_NAME = Keyset.of("contacts",
            CONTACTS.IS_PRIMARY.desc(), DSL.lower(CONTACTS.NAME).asc(), CONTACTS.ID.asc());

    /** Primary first, then by name. */
    public Page<Contact> list(UUID clientId, PageRequest page) {
        var where = CONTACTS.CLIENT_ID.eq(clientId);
        int total = dsl.fetchCount(CONTACTS, where);
        return PRIMARY_THEN_NAME.page(dsl.select(CONTACTS.asterisk()).select(PRIMARY_THEN_NAME.expressions()).from(CONTACTS).where(where),
                page, total, r -> toContact(r.into(CONTACTS)));
    }

    public Optional<Contact> find(UUID clientId, UUID contactId) {
        return find(dsl, clientId, contactId);
    }

    public Optional<Contact> find(DSLContext tx, UUID clientId, UUID contactId) {
        return tx.selectFrom(CONTACTS).where(CONTACTS.ID.eq(contactId), CONTACTS.CLIENT_ID.eq(clientId))
                .fetchOptional(ContactStore::toContact);
    }

    public boolean hasPrimary(DSLContext tx, UUID clientId) {
        return tx.fetchExists(CONTACTS, CONTACTS.CLIENT_ID.eq(clientId), CONTACTS.IS_PRIMARY.isTrue());
    }

    /** Makes the client's primary contact (if any) an ordinary one; its version moves, as for any change. */
    public void unmarkPrimary(DSLContext tx, UUID clientId) {
        tx.update(CONTACTS)
                .set(CONTACTS.IS_PRIMARY, false)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
                .where(CONTACTS.CLIENT_ID.eq(clientId), CONTACTS.IS_PRIMARY.isTrue())
                .execute();
    }

    public void insert(DSLContext tx, UUID id, UUID clientId, Data d, boolean primary) {
        tx.insertInto(CONTACTS)
                .set(CONTACTS.ID, id).set(CONTACTS.CLIENT_ID, clientId)
                .set(CONTACTS.NAME, d.name()).set(CONTACTS.EMAIL, d.email()).set(CONTACTS.PHONE, d.phone())
                .set(CONTACTS.TITLE, d.title()).set(CONTACTS.IS_PRIMARY, primary)
                .execute();
    }

    /** Writes the data and bumps the version; the caller has checked the version it read. */
    public void update(DSLContext tx, UUID id, Data d, boolean primary) {
        tx.update(CONTACTS)
                .set(CONTACTS.NAME, d.name()).set(CONTACTS.EMAIL, d.email()).set(CONTACTS.PHONE, d.phone())
                .set(CONTACTS.TITLE, d.title()).set(CONTACTS.IS_PRIMARY, primary)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
                .where(CONTACTS.ID.eq(id))
                .execute();
    }

    public boolean delete(DSLContext tx, UUID clientId, UUID contactId) {
        return tx.deleteFrom(CONTACTS).where(CONTACTS.ID.eq(contactId), CONTACTS.CLIENT_ID.eq(clientId)).execute() == 1;
    }

    private static Contact toContact(com.coachway.db.client.tables.records.ContactsRecord r) {
        return new Contact(r.getId(), r.getClientId(), r.getName(), r.getEmail(), r.getPhone(), r.getTitle(),
                r.getIsPrimary(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
