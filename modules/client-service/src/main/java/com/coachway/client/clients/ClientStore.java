package com.coachway.client.clients;

import com.coachway.client.access.Tenancy;
import com.coachway.client.clients.Client.ContactSummary;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.client.tables.Contacts;
import com.coachway.db.client.tables.records.ClientsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.client.Tables.CLIENTS;
import static com.coachway.db.client.Tables.CONTACTS;
import static org.jooq.impl.DSL.select;

/**
 * The jOOQ queries for clients. Every method runs on the DSLContext it is given (inside a
 * transaction, the transaction's own); reads a portal user can make take its {@link Tenancy}.
 */
public final class ClientStore {
    /** The primary contact, joined beside its client (the partial unique index allows at most one). */
    private static final Contacts PRIMARY = CONTACTS.as("primary_contact");

    /** What a client is made of, as written by create and patch (version and timestamps aside). */
    public record Data(String name, String type, String email, String phone, Address billingAddress,
                       int paymentTermsDays, BigDecimal creditLimit, boolean taxExempt, String notes, String status) {
    }

    public record Filter(String q, String type, String status, UUID onlyClient) {
    }

    public Optional<Client> find(DSLContext db, Tenancy tenancy, UUID id) {
        return selectClients(db).where(CLIENTS.ID.eq(id), visibleTo(tenancy)).fetchOptional(ClientStore::toClient);
    }

    public boolean exists(DSLContext db, Tenancy tenancy, UUID id) {
        return db.fetchExists(CLIENTS, CLIENTS.ID.eq(id), visibleTo(tenancy));
    }

    /** The tenancy as part of a WHERE on clients. */
    private static Condition visibleTo(Tenancy tenancy) {
        return tenancy.onlyClient().map(CLIENTS.ID::eq).orElse(DSL.noCondition());
    }

    /**
     * The client's data with its row locked until the transaction ends: every change to a client or
     * its contacts takes this lock first, so changes to one client (notably to which contact is
     * primary) happen one after another.
     */
    public Optional<Locked> lock(DSLContext tx, Tenancy tenancy, UUID id) {
        return tx.selectFrom(CLIENTS).where(CLIENTS.ID.eq(id), visibleTo(tenancy)).forUpdate()
                .fetchOptional(r -> new Locked(r.getVersion(), new Data(r.getName(), r.getType(), r.getEmail(), r.getPhone(),
                        address(r), r.getPaymentTermsDays(), r.getCreditLimit(), r.getTaxExempt(), r.getNotes(), r.getStatus())));
    }

    public record Locked(int version, Data data) {
    }

    public Page<Client> list(DSLContext dsl, Filter filter, ClientSort.Order order, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (filter.onlyClient() != null) conditions.add(CLIENTS.ID.eq(filter.onlyClient()));
        if (filter.type() != null) conditions.add(CLIENTS.TYPE.eq(filter.type()));
        if (filter.status() != null) conditions.add(CLIENTS.STATUS.eq(filter.status()));
        if (filter.q() != null) conditions.add(CLIENTS.ID.in(matching(filter.q())));
        Condition where = DSL.and(conditions);
        int total = dsl.fetchCount(CLIENTS, where);
        Keyset keyset = keyset(order);
        return keyset.page(selectClients(dsl, keyset.expressions()).where(where), page, total, ClientStore::toClient);
    }

    /**
     * Ids of clients whose name, email or phone, or one of whose contacts' names, contains q. One
     * UNION branch per column, so each is answered by that column's trigram index; a single OR over
     * columns and an EXISTS on contacts would leave PostgreSQL no choice but a scan.
     */
    private static Select<org.jooq.Record1<UUID>> matching(String q) {
        String pattern = ClientSearch.containsPattern(q);
        char esc = ClientSearch.ESCAPE;
        var ids = select(CLIENTS.ID).from(CLIENTS).where(CLIENTS.NAME.likeIgnoreCase(pattern, esc))
                .union(select(CLIENTS.ID).from(CLIENTS).where(CLIENTS.EMAIL.likeIgnoreCase(pattern, esc)))
                .union(select(CLIENTS.ID).from(CLIENTS).where(CLIENTS.PHONE.likeIgnoreCase(pattern, esc)))
                .union(select(CONTACTS.CLIENT_ID).from(CONTACTS).where(CONTACTS.NAME.likeIgnoreCase(pattern, esc)));
        String digits = ClientSearch.phoneDigits(q);
        if (digits != null) ids = ids.union(select(CLIENTS.ID).from(CLIENTS).where(CLIENTS.PHONE_DIGITS.like(ClientSearch.containsPattern(digits), esc)));
        return ids;
    }

    private static Keyset keyset(ClientSort.Order order) {
        var key = switch (order.by()) {
            case NAME -> DSL.lower(CLIENTS.NAME);
            case EMAIL -> DSL.lower(CLIENTS.EMAIL);
            case CREATED_AT -> CLIENTS.CREATED_AT;
            case UPDATED_AT -> CLIENTS.UPDATED_AT;
        };
        // id breaks ties in the same direction, so one index serves the whole order and pages never overlap
        String name = "clients:" + (order.descending() ? "-" : "") + order.by().field();
        return order.descending() ? Keyset.of(name, key.desc(), CLIENTS.ID.desc()) : Keyset.of(name, key.asc(), CLIENTS.ID.asc());
    }

    /** Case-insensitive, as the unique index is. */
    public boolean emailTaken(DSLContext tx, String email, UUID exceptId) {
        Condition c = DSL.lower(CLIENTS.EMAIL).eq(email.toLowerCase());
        if (exceptId != null) c = c.and(CLIENTS.ID.ne(exceptId));
        return tx.fetchExists(CLIENTS, c);
    }

    /**
     * The columns a client's data fills, written alike on insert and update: every one is set
     * (a null clears), the rest (id, version, timestamps) are left to the statement.
     */
    private static ClientsRecord columns(Data d) {
        Address a = d.billingAddress() == null ? new Address(null, null, null, null, null, null) : d.billingAddress();
        var r = new ClientsRecord();
        r.setName(d.name());
        r.setType(d.type());
        r.setEmail(d.email());
        r.setPhone(d.phone());
        r.setBillingLine1(a.line1());
        r.setBillingLine2(a.line2());
        r.setBillingCity(a.city());
        r.setBillingState(a.state());
        r.setBillingPostalCode(a.postalCode());
        r.setBillingCountry(a.country());
        r.setPaymentTermsDays(d.paymentTermsDays());
        r.setCreditLimit(d.creditLimit());
        r.setTaxExempt(d.taxExempt());
        r.setNotes(d.notes());
        r.setStatus(d.status());
        return r;
    }

    /** Inserts unless the email is taken (any case, also by a concurrent insert); true when inserted. */
    public boolean insert(DSLContext tx, UUID id, Data d) {
        var r = columns(d);
        r.setId(id);
        return tx.insertInto(CLIENTS)
                .set(r)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Writes the data and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, UUID id, Data d) {
        tx.update(CLIENTS)
                .set(columns(d))
                .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .where(CLIENTS.ID.eq(id))
                .execute();
    }

    /** Deletes the client (its contacts go with it); false when it was already gone. */
    public boolean delete(DSLContext tx, UUID id) {
        return tx.deleteFrom(CLIENTS).where(CLIENTS.ID.eq(id)).execute() == 1;
    }

    private static org.jooq.SelectOnConditionStep<Record> selectClients(DSLContext ctx) {
        return selectClients(ctx, List.of());
    }

    /** With {@code extra} fields selected too (a list's sort keys that are expressions). */
    private static org.jooq.SelectOnConditionStep<Record> selectClients(DSLContext ctx, List<Field<?>> extra) {
        return ctx.select(CLIENTS.asterisk(), PRIMARY.ID, PRIMARY.NAME, PRIMARY.EMAIL, PRIMARY.PHONE, PRIMARY.TITLE).select(extra)
                .from(CLIENTS)
                .leftJoin(PRIMARY).on(PRIMARY.CLIENT_ID.eq(CLIENTS.ID), PRIMARY.IS_PRIMARY.isTrue());
    }

    private static Client toClient(Record r) {
        UUID primaryId = r.get(PRIMARY.ID);
        ContactSummary primary = primaryId == null ? null
                : new ContactSummary(primaryId, r.get(PRIMARY.NAME), r.get(PRIMARY.EMAIL), r.get(PRIMARY.PHONE), r.get(PRIMARY.TITLE));
        return new Client(r.get(CLIENTS.ID), r.get(CLIENTS.NAME), r.get(CLIENTS.TYPE), r.get(CLIENTS.EMAIL), r.get(CLIENTS.PHONE),
                address(r), r.get(CLIENTS.PAYMENT_TERMS_DAYS), r.get(CLIENTS.CREDIT_LIMIT), r.get(CLIENTS.TAX_EXEMPT),
                r.get(CLIENTS.NOTES), r.get(CLIENTS.STATUS), primary, r.get(CLIENTS.VERSION),
                r.get(CLIENTS.CREATED_AT), r.get(CLIENTS.UPDATED_AT));
    }

    /** The billing address, or null: the table's check keeps an address all or nothing, and line1 is always in it. */
    private static Address address(Record r) {
        if (r.get(CLIENTS.BILLING_LINE1) == null) return null;
        return new Address(r.get(CLIENTS.BILLING_LINE1), r.get(CLIENTS.BILLING_LINE2), r.get(CLIENTS.BILLING_CITY),
                r.get(CLIENTS.BILLING_STATE), r.get(CLIENTS.BILLING_POSTAL_CODE), r.get(CLIENTS.BILLING_COUNTRY));
    }
}
