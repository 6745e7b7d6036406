package com.coachway.vendor.vendors;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.vendor.tables.records.VendorsRecord;
import com.coachway.vendor.access.VendorScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.vendor.Tables.VENDORS;

/** The jOOQ queries for vendors. Every method runs on the DSLContext it is given; reads a vendor user makes take its scope. */
public final class VendorStore {

    static Vendor toVendor(Record r) {
        return new Vendor(r.get(VENDORS.ID), r.get(VENDORS.NAME), r.get(VENDORS.LEGAL_NAME), r.get(VENDORS.DOT_NUMBER),
                r.get(VENDORS.MC_NUMBER), r.get(VENDORS.EMAIL), r.get(VENDORS.PHONE), r.get(VENDORS.ADDRESS),
                List.of(r.get(VENDORS.SERVICE_STATES)), r.get(VENDORS.FLEET_SIZE), r.get(VENDORS.STATUS),
                r.get(VENDORS.VERSION), r.get(VENDORS.CREATED_AT), r.get(VENDORS.UPDATED_AT));
    }

    public Optional<Vendor> find(DSLContext ctx, VendorScope scope, UUID id) {
        return ctx.selectFrom(VENDORS).where(VENDORS.ID.eq(id), scope.where(VENDORS.ID)).fetchOptional(VendorStore::toVendor);
    }

    public boolean exists(DSLContext ctx, VendorScope scope, UUID id) {
        return ctx.fetchExists(VENDORS, VENDORS.ID.eq(id), scope.where(VENDORS.ID));
    }

    /** Locked for an update, or shared so its status cannot change while a bid that depends on it commits. */
    public Optional<Vendor> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(VENDORS).where(VENDORS.ID.eq(id)).forUpdate().fetchOptional(VendorStore::toVendor);
    }

    public Optional<Vendor> share(DSLContext tx, UUID id) {
        return tx.selectFrom(VENDORS).where(VENDORS.ID.eq(id)).forShare().fetchOptional(VendorStore::toVendor);
    }

    /** Approved vendors (those serving {@code state} when given): who a bid request is sent to, once compliant. */
    public List<Vendor> approved(DSLContext ctx, String state) {
        Condition c = VENDORS.STATUS.eq(VendorStatus.APPROVED.code());
        if (state != null) c = c.and(VENDORS.SERVICE_STATES.contains(new String[]{state}));
        return ctx.selectFrom(VENDORS).where(c).orderBy(VENDORS.NAME, VENDORS.ID).fetch(VendorStore::toVendor);
    }

    public record Filter(String status, String q, String state) {
    }

    private static final Keyset BY_NAME = Keyset.of("vendors", VENDORS.NAME.asc(), VENDORS.ID.asc());

    public Page<Vendor> list(DSLContext ctx, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (f.status() != null) conditions.add(VENDORS.STATUS.eq(f.status()));
        if (f.state() != null) conditions.add(VENDORS.SERVICE_STATES.contains(new String[]{f.state()}));
        if (f.q() != null) {
            String like = "%" + f.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.or(DSL.lower(VENDORS.NAME).like(like, '\\'), DSL.lower(VENDORS.LEGAL_NAME).like(like, '\\'),
                    DSL.lower(VENDORS.DOT_NUMBER).like(like, '\\'), DSL.lower(VENDORS.MC_NUMBER).like(like, '\\')));
        }
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(VENDORS, where);
        return BY_NAME.page(ctx.selectFrom(VENDORS).where(where), page, total, VendorStore::toVendor);
    }

    public record Values(String name, String legalName, String dotNumber, String mcNumber, String email, String phone,
                         String address, List<String> serviceStates, Integer fleetSize, String status) {
    }

    private static VendorsRecord record(Values v, OffsetDateTime now) {
        var row = new VendorsRecord();
        row.setName(v.name());
        row.setLegalName(v.legalName());
        row.setDotNumber(v.dotNumber());
        row.setMcNumber(v.mcNumber());
        row.setEmail(v.email());
        row.setPhone(v.phone());
        row.setAddress(v.address());
        row.setServiceStates(v.serviceStates().toArray(String[]::new));
        row.setFleetSize(v.fleetSize());
        row.setStatus(v.status());
        row.setUpdatedAt(now);
        return row;
    }

    public void insert(DSLContext tx, UUID id, Values v, OffsetDateTime now) {
        var row = record(v, now);
        row.setId(id);
        row.setCreatedAt(now);
        tx.insertInto(VENDORS).set(row).execute();
    }

    /** Writes every column (nulls included: a PATCH may clear fields) and bumps the version; the caller holds the row lock. */
    public void update(DSLContext tx, UUID id, Values v, OffsetDateTime now) {
        var row = record(v, now);
        row.changed(true);
        row.changed(VENDORS.ID, false);
        row.changed(VENDORS.CREATED_AT, false);
        row.changed(VENDORS.VERSION, false);
        tx.update(VENDORS).set(row).set(VENDORS.VERSION, VENDORS.VERSION.plus(1)).where(VENDORS.ID.eq(id)).execute();
    }
}
