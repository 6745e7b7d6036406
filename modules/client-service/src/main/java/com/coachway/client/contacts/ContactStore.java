package com.coachway.client.contacts;

import com.coachway.client.access.Tenancy;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.client.tables.records.ContactsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.client.Tables.CONTACTS;

/**
 * The jOOQ queries for contacts, each run on the DSLContext it is given. The writing ones expect
 * the caller to hold the client's row lock (ClientStore.lock), which is what keeps two requests
 * from making two primaries.
 */
public final class ContactStore {
    public record Data(String name, String email, String phone, String title) {
    }

    // Mixed directions: the page start is an expanded comparison, bounded by the client (a client has few contacts).
    private static final Keyset PRIMARY_THEN_NAME = Keyset.of("contacts",
            CONTACTS.IS_PRIMARY.desc(), DSL.lower(CONTACTS.NAME).asc(), CONTACTS.ID.asc());

    /** Primary first, then by name. */
    public Page<Contact> list(DSLContext dsl, UUID clientId, PageRequest page) {
        var where = CONTACTS.CLIENT_ID.eq(clientId);
        int total = dsl.fetchCount(CONTACTS, where);
        return PRIMARY_THEN_NAME.page(dsl.select(CONTACTS.asterisk()).select(PRIMARY_THEN_NAME.expressions()).from(CONTACTS).where(where),
                page, total, r -> toContact(r.into(CONTACTS)));
    }

    /** The contact of that client, if the tenancy reaches the client. */
    public Optional<Contact> find(DSLContext db, Tenancy tenancy, UUID clientId, UUID contactId) {
        return db.selectFrom(CONTACTS)
                .where(CONTACTS.ID.eq(contactId), CONTACTS.CLIENT_ID.eq(clientId),
                        tenancy.onlyClient().map(CONTACTS.CLIENT_ID::eq).orElse(DSL.noCondition()))
                .fetchOptional(ContactStore::toContact);
    }

    public boolean hasPrimary(DSLContext tx, UUID clientId) {
        return tx.fetchExists(CONTACTS, CONTACTS.CLIENT_ID.eq(clientId), CONTACTS.IS_PRIMARY.isTrue());
    }

    /** Makes the client's primary contact (if any) an ordinary one; its version moves, as for any change. */
    public void unmarkPrimary(DSLContext tx, UUID clientId) {
        var r = new ContactsRecord();
        r.setIsPrimary(false);
        tx.update(CONTACTS)
                .set(r)
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
                .where(CONTACTS.CLIENT_ID.eq(clientId), CONTACTS.IS_PRIMARY.isTrue())
                .execute();
    }

    /** The columns a contact's data fills, written alike on insert and update (a null clears). */
    private static ContactsRecord columns(Data d, boolean primary) {
        var r = new ContactsRecord();
        r.setName(d.name());
        r.setEmail(d.email());
        r.setPhone(d.phone());
        r.setTitle(d.title());
        r.setIsPrimary(primary);
        return r;
    }

    public void insert(DSLContext tx, UUID id, UUID clientId, Data d, boolean primary) {
        var r = columns(d, primary);
        r.setId(id);
        r.setClientId(clientId);
        tx.insertInto(CONTACTS).set(r).execute();
    }

    /** Writes the data and bumps the version; the caller has checked the version it read. */
    public void update(DSLContext tx, UUID id, Data d, boolean primary) {
        tx.update(CONTACTS)
                .set(columns(d, primary))
                .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
                .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
                .where(CONTACTS.ID.eq(id))
                .execute();
    }

    public boolean delete(DSLContext tx, UUID clientId, UUID contactId) {
        return tx.deleteFrom(CONTACTS).where(CONTACTS.ID.eq(contactId), CONTACTS.CLIENT_ID.eq(clientId)).execute() == 1;
    }

    private static Contact toContact(ContactsRecord r) {
        return new Contact(r.getId(), r.getClientId(), r.getName(), r.getEmail(), r.getPhone(), r.getTitle(),
                r.getIsPrimary(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
