package com.coachway.dispatch.drivers;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.dispatch.tables.records.DriverRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.db.dispatch.Tables.DRIVER;

/** The jOOQ queries for drivers. Every method runs on the DSLContext it is given. */
public final class DriverStore {
    private static final Keyset BY_NAME = Keyset.of("drivers", DRIVER.NAME.asc(), DRIVER.ID.asc());

    static Driver toDriver(Record r) {
        return new Driver(r.get(DRIVER.ID), r.get(DRIVER.NAME), r.get(DRIVER.PHONE), r.get(DRIVER.EMAIL), r.get(DRIVER.VENDOR_ID),
                r.get(DRIVER.LICENSE_NUMBER), r.get(DRIVER.LICENSE_STATE), r.get(DRIVER.LICENSE_CLASS),
                r.get(DRIVER.PASSENGER_ENDORSEMENT), r.get(DRIVER.LICENSE_EXPIRES_ON), r.get(DRIVER.MEDICAL_CARD_EXPIRES_ON),
                r.get(DRIVER.STATUS), r.get(DRIVER.VERSION), r.get(DRIVER.CREATED_AT), r.get(DRIVER.UPDATED_AT));
    }

    public Optional<Driver> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(DRIVER).where(DRIVER.ID.eq(id)).fetchOptional(DriverStore::toDriver);
    }

    /**
     * Locks the driver's row and reads it: every assignment of one driver queues here, so its
     * hours-of-service check reads the driver's other assignments one writer at a time.
     */
    public Optional<Driver> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(DRIVER).where(DRIVER.ID.eq(id)).forUpdate().fetchOptional(DriverStore::toDriver);
    }

    /** Names of these drivers, for the board. */
    public Map<UUID, String> names(DSLContext ctx, Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        return ctx.select(DRIVER.ID, DRIVER.NAME).from(DRIVER).where(DRIVER.ID.in(ids))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    public record Filter(String status, UUID vendorId, String q) {
    }

    public Page<Driver> list(DSLContext ctx, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (f.status() != null) conditions.add(DRIVER.STATUS.eq(f.status()));
        if (f.vendorId() != null) conditions.add(DRIVER.VENDOR_ID.eq(f.vendorId()));
        if (f.q() != null) {
            String like = "%" + f.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.or(DSL.lower(DRIVER.NAME).like(like, '\\'), DSL.lower(DRIVER.EMAIL).like(like, '\\'),
                    DSL.lower(DRIVER.LICENSE_NUMBER).like(like, '\\')));
        }
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(DRIVER, where);
        return BY_NAME.page(ctx.selectFrom(DRIVER).where(where), page, total, DriverStore::toDriver);
    }

    public boolean licenseTaken(DSLContext tx, String state, String number, UUID exceptId) {
        Condition c = DRIVER.LICENSE_STATE.eq(state).and(DSL.upper(DRIVER.LICENSE_NUMBER).eq(number.toUpperCase(Locale.ROOT)));
        if (exceptId != null) c = c.and(DRIVER.ID.ne(exceptId));
        return tx.fetchExists(DRIVER, c);
    }

    public void insert(DSLContext tx, UUID id, DriverValues v, OffsetDateTime now) {
        var row = new DriverRecord();
        row.setId(id);
        set(row, v);
        row.setVersion(1);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        tx.insertInto(DRIVER).set(row).execute();
    }

    /** Writes the values if the row is still at {@code version}; false when someone changed it first. */
    public boolean update(DSLContext tx, UUID id, int version, DriverValues v, OffsetDateTime now) {
        var row = new DriverRecord();
        set(row, v);
        row.setVersion(version + 1);
        row.setUpdatedAt(now);
        return tx.update(DRIVER).set(row).where(DRIVER.ID.eq(id), DRIVER.VERSION.eq(version)).execute() == 1;
    }

    private static void set(DriverRecord row, DriverValues v) {
        row.setName(v.name());
        row.setPhone(v.phone());
        row.setEmail(v.email());
        row.setVendorId(v.vendorId());
        row.setLicenseNumber(v.licenseNumber());
        row.setLicenseState(v.licenseState());
        row.setLicenseClass(v.licenseClass());
        row.setPassengerEndorsement(v.passengerEndorsement());
        row.setLicenseExpiresOn(v.licenseExpiresOn());
        row.setMedicalCardExpiresOn(v.medicalCardExpiresOn());
        row.setStatus(v.status());
    }

}
