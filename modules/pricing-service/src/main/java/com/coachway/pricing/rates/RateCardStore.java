package com.coachway.pricing.rates;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.RateCardsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.pricing.Tables.RATE_CARDS;

/** The jOOQ queries for rate cards, each run on the context it is given (inside a transaction: its nested one). */
public final class RateCardStore {
    private RateCardStore() {
    }

    private static RateCard toRateCard(RateCardsRecord r) {
        return new RateCard(r.getId(), r.getVehicleType(), r.getHourlyRate(), r.getMinimumHours(), r.getPerMileRate(),
                r.getDailyRate(), r.getIncludedMilesPerDay(), r.getDriverOvernightFee(), r.getExtraDriverHourlyRate(),
                r.getEffectiveFrom(), r.getEffectiveTo(), r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static Condition inEffectOn(LocalDate date) {
        return RATE_CARDS.EFFECTIVE_FROM.le(date).and(RATE_CARDS.EFFECTIVE_TO.isNull().or(RATE_CARDS.EFFECTIVE_TO.ge(date)));
    }

    private static final Keyset BY_TYPE_AND_DATE = Keyset.of("rate-cards",
            RATE_CARDS.VEHICLE_TYPE.asc(), RATE_CARDS.EFFECTIVE_FROM.asc(), RATE_CARDS.ID.asc());

    public static Page<RateCard> list(DSLContext db, RateCardFilter filter, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (filter.vehicleType() != null) conditions.add(RATE_CARDS.VEHICLE_TYPE.eq(filter.vehicleType()));
        if (filter.effectiveOn() != null) conditions.add(inEffectOn(filter.effectiveOn()));
        Condition where = DSL.and(conditions);
        int total = db.fetchCount(RATE_CARDS, where);
        return BY_TYPE_AND_DATE.page(db.selectFrom(RATE_CARDS).where(where), page, total, RateCardStore::toRateCard);
    }

    public static Optional<RateCard> find(DSLContext db, UUID id) {
        return db.selectFrom(RATE_CARDS).where(RATE_CARDS.ID.eq(id)).fetchOptional(RateCardStore::toRateCard);
    }

    public static Optional<RateCard> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(RATE_CARDS).where(RATE_CARDS.ID.eq(id)).forUpdate().fetchOptional(RateCardStore::toRateCard);
    }

    /** The card of each of these types in effect on the date (non-overlap makes it at most one), by type. */
    public static Map<String, RateCard> inEffect(DSLContext db, Collection<String> vehicleTypes, LocalDate date) {
        return db.selectFrom(RATE_CARDS).where(RATE_CARDS.VEHICLE_TYPE.in(vehicleTypes), inEffectOn(date))
                .fetch(RateCardStore::toRateCard).stream()
                .collect(Collectors.toMap(RateCard::vehicleType, Function.identity()));
    }

    /** Another card of the type sharing a day with [from, to] (to null = open-ended), if any. */
    public static Optional<RateCard> overlapping(DSLContext tx, String vehicleType, LocalDate from, LocalDate to, UUID exceptId) {
        Condition c = RATE_CARDS.VEHICLE_TYPE.eq(vehicleType)
                .and(RATE_CARDS.EFFECTIVE_TO.isNull().or(RATE_CARDS.EFFECTIVE_TO.ge(from)));
        if (to != null) c = c.and(RATE_CARDS.EFFECTIVE_FROM.le(to));
        if (exceptId != null) c = c.and(RATE_CARDS.ID.ne(exceptId));
        return tx.selectFrom(RATE_CARDS).where(c).orderBy(RATE_CARDS.EFFECTIVE_FROM).limit(1)
                .fetchOptional(RateCardStore::toRateCard);
    }

    /** The columns a rate card's terms fill, alike on insert and update. */
    private static RateCardsRecord record(RateCardTerms t) {
        var r = new RateCardsRecord();
        r.setHourlyRate(t.hourlyRate());
        r.setMinimumHours(t.minimumHours());
        r.setPerMileRate(t.perMileRate());
        r.setDailyRate(t.dailyRate());
        r.setIncludedMilesPerDay(t.includedMilesPerDay());
        r.setDriverOvernightFee(t.driverOvernightFee());
        r.setExtraDriverHourlyRate(t.extraDriverHourlyRate());
        r.setEffectiveFrom(t.effectiveFrom());
        r.setEffectiveTo(t.effectiveTo());
        return r;
    }

    public static void insert(DSLContext tx, UUID id, String vehicleType, RateCardTerms t) {
        RateCardsRecord r = record(t);
        r.setId(id);
        r.setVehicleType(vehicleType);
        tx.insertInto(RATE_CARDS).set(r).execute();
    }

    /** Replaces the terms and bumps the version; the caller has locked the row and checked the version. */
    public static void update(DSLContext tx, UUID id, RateCardTerms t) {
        tx.update(RATE_CARDS)
                .set(record(t))
                .set(RATE_CARDS.VERSION, RATE_CARDS.VERSION.plus(1))
                .set(RATE_CARDS.UPDATED_AT, OffsetDateTime.now())
                .where(RATE_CARDS.ID.eq(id))
                .execute();
    }
}
