package com.coachway.pricing.rates;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.RateCardsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.pricing.Tables.RATE_CARDS;

/** The jOOQ queries for rate cards. Methods taking a DSLContext run in the caller's transaction. */
public final class RateCardStore {
    private final DSLContext dsl;

    public RateCardStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everything on a card that a manager sets (in a patch, null = unchanged). */
    public record Terms(BigDecimal hourlyRate, BigDecimal minimumHours, BigDecimal perMileRate, BigDecimal dailyRate,
                        Integer includedMilesPerDay, BigDecimal driverOvernightFee, BigDecimal extraDriverHourlyRate,
                        LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    public record Filter(String vehicleType, LocalDate effectiveOn) {
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

    public Page<RateCard> list(Filter filter, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (filter.vehicleType() != null) conditions.add(RATE_CARDS.VEHICLE_TYPE.eq(filter.vehicleType()));
        if (filter.effectiveOn() != null) conditions.add(inEffectOn(filter.effectiveOn()));
        Condition where = DSL.and(conditions);
        int total = dsl.fetchCount(RATE_CARDS, where);
        return BY_TYPE_AND_DATE.page(dsl.selectFrom(RATE_CARDS).where(where), page, total, RateCardStore::toRateCard);
    }

    public Optional<RateCard> find(UUID id) {
        return find(dsl, id);
    }

    public Optional<RateCard> find(DSLContext tx, UUID id) {
        return tx.selectFrom(RATE_CARDS).where(RATE_CARDS.ID.eq(id)).fetchOptional(RateCardStore::toRateCard);
    }

    public Optional<RateCard> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(RATE_CARDS).where(RATE_CARDS.ID.eq(id)).forUpdate().fetchOptional(RateCardStore::toRateCard);
    }

    /** The card of each of these types in effect on the date (non-overlap makes it at most one), by type. */
    public Map<String, RateCard> inEffect(Collection<String> vehicleTypes, LocalDate date) {
        return dsl.selectFrom(RATE_CARDS).where(RATE_CARDS.VEHICLE_TYPE.in(vehicleTypes), inEffectOn(date))
                .fetch(RateCardStore::toRateCard).stream()
                .collect(Collectors.toMap(RateCard::vehicleType, Function.identity()));
    }

    /** Another card of the type sharing a day with [from, to] (to null = open-ended), if any. */
    public Optional<RateCard> overlapping(DSLContext tx, String vehicleType, LocalDate from, LocalDate to, UUID exceptId) {
        Condition c = RATE_CARDS.VEHICLE_TYPE.eq(vehicleType)
                .and(RATE_CARDS.EFFECTIVE_TO.isNull().or(RATE_CARDS.EFFECTIVE_TO.ge(from)));
        if (to != null) c = c.and(RATE_CARDS.EFFECTIVE_FROM.le(to));
        if (exceptId != null) c = c.and(RATE_CARDS.ID.ne(exceptId));
        return tx.selectFrom(RATE_CARDS).where(c).orderBy(RATE_CARDS.EFFECTIVE_FROM).limit(1)
                .fetchOptional(RateCardStore::toRateCard);
    }

    /** The columns a rate card's terms fill, written alike on insert and update. */
    private static Map<Field<?>, Object> columns(Terms t) {
        var v = new LinkedHashMap<Field<?>, Object>();
        v.put(RATE_CARDS.HOURLY_RATE, t.hourlyRate());
        v.put(RATE_CARDS.MINIMUM_HOURS, t.minimumHours());
        v.put(RATE_CARDS.PER_MILE_RATE, t.perMileRate());
        v.put(RATE_CARDS.DAILY_RATE, t.dailyRate());
        v.put(RATE_CARDS.INCLUDED_MILES_PER_DAY, t.includedMilesPerDay());
        v.put(RATE_CARDS.DRIVER_OVERNIGHT_FEE, t.driverOvernightFee());
        v.put(RATE_CARDS.EXTRA_DRIVER_HOURLY_RATE, t.extraDriverHourlyRate());
        v.put(RATE_CARDS.EFFECTIVE_FROM, t.effectiveFrom());
        v.put(RATE_CARDS.EFFECTIVE_TO, t.effectiveTo());
        return v;
    }

    public void insert(DSLContext tx, UUID id, String vehicleType, Terms t) {
        tx.insertInto(RATE_CARDS)
                .set(RATE_CARDS.ID, id)
                .set(RATE_CARDS.VEHICLE_TYPE, vehicleType)
                .set(columns(t))
                .execute();
    }

    /** Replaces the terms and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, UUID id, Terms t) {
        tx.update(RATE_CARDS)
                .set(columns(t))
                .set(RATE_CARDS.VERSION, RATE_CARDS.VERSION.plus(1))
                .set(RATE_CARDS.UPDATED_AT, OffsetDateTime.now())
                .where(RATE_CARDS.ID.eq(id))
                .execute();
    }
}
