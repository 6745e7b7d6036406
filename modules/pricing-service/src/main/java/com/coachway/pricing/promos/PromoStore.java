package com.coachway.pricing.promos;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.PromoCodesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.coachway.db.pricing.Tables.PROMO_CODES;
import static com.coachway.db.pricing.Tables.PROMO_REDEMPTIONS;

/** The jOOQ queries for promo codes and their redemptions. Codes are passed already upper-cased. */
public final class PromoStore {
    private final DSLContext dsl;

    public PromoStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Everything on a code that a manager sets. */
    public record Values(String description, String discountType, BigDecimal discountValue, LocalDate validFrom,
                         LocalDate validTo, Integer maxUses, BigDecimal minSubtotal, boolean active) {
    }

    private static PromoCode toPromo(PromoCodesRecord r) {
        return new PromoCode(r.getCode(), r.getDescription(), r.getDiscountType(), r.getDiscountValue(), r.getValidFrom(),
                r.getValidTo(), r.getMaxUses(), r.getMinSubtotal(), r.getActive(), r.getUses(), r.getVersion(),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    private static final Keyset BY_CODE = Keyset.of("promo-codes", PROMO_CODES.CODE.asc());

    public Page<PromoCode> list(Boolean active, String q, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (active != null) conditions.add(PROMO_CODES.ACTIVE.eq(active));
        if (q != null) {
            String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.lower(PROMO_CODES.CODE).like(like, '\\').or(DSL.lower(PROMO_CODES.DESCRIPTION).like(like, '\\')));
        }
        Condition where = DSL.and(conditions);
        int total = dsl.fetchCount(PROMO_CODES, where);
        return BY_CODE.page(dsl.selectFrom(PROMO_CODES).where(where), page, total, PromoStore::toPromo);
    }

    public Optional<PromoCode> find(String code) {
        return find(dsl, code);
    }

    public Optional<PromoCode> find(DSLContext tx, String code) {
        return tx.selectFrom(PROMO_CODES).where(PROMO_CODES.CODE.eq(code)).fetchOptional(PromoStore::toPromo);
    }

    /** The code's row locked: redemptions of one code serialize here, so max_uses holds under concurrency. */
    public Optional<PromoCode> lock(DSLContext tx, String code) {
        return tx.selectFrom(PROMO_CODES).where(PROMO_CODES.CODE.eq(code)).forUpdate().fetchOptional(PromoStore::toPromo);
    }

    /** The columns a code's values fill, written alike on insert and update. */
    private static Map<Field<?>, Object> columns(Values v) {
        var c = new LinkedHashMap<Field<?>, Object>();
        c.put(PROMO_CODES.DESCRIPTION, v.description());
        c.put(PROMO_CODES.DISCOUNT_TYPE, v.discountType());
        c.put(PROMO_CODES.DISCOUNT_VALUE, v.discountValue());
        c.put(PROMO_CODES.VALID_FROM, v.validFrom());
        c.put(PROMO_CODES.VALID_TO, v.validTo());
        c.put(PROMO_CODES.MAX_USES, v.maxUses());
        c.put(PROMO_CODES.MIN_SUBTOTAL, v.minSubtotal());
        c.put(PROMO_CODES.ACTIVE, v.active());
        return c;
    }

    /** Inserts unless the code exists; false when it did (a concurrent duplicate included). */
    public boolean insert(DSLContext tx, String code, Values v) {
        return tx.insertInto(PROMO_CODES)
                .set(PROMO_CODES.CODE, code)
                .set(columns(v))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Replaces the values and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, String code, Values v) {
        tx.update(PROMO_CODES)
                .set(columns(v))
                .set(PROMO_CODES.VERSION, PROMO_CODES.VERSION.plus(1))
                .set(PROMO_CODES.UPDATED_AT, OffsetDateTime.now())
                .where(PROMO_CODES.CODE.eq(code))
                .execute();
    }

    public boolean redeemed(DSLContext tx, String code, String reference) {
        return tx.fetchExists(PROMO_REDEMPTIONS, PROMO_REDEMPTIONS.CODE.eq(code), PROMO_REDEMPTIONS.REFERENCE.eq(reference));
    }

    /** Records the redemption and counts it; the caller holds the code's lock. Returns the uses after. */
    public int redeem(DSLContext tx, String code, String reference) {
        tx.insertInto(PROMO_REDEMPTIONS).set(PROMO_REDEMPTIONS.CODE, code).set(PROMO_REDEMPTIONS.REFERENCE, reference).execute();
        return tx.update(PROMO_CODES)
                .set(PROMO_CODES.USES, PROMO_CODES.USES.plus(1))
                .where(PROMO_CODES.CODE.eq(code))
                .returningResult(PROMO_CODES.USES)
                .fetchOne(r -> r.value1());
    }

    /** Forgets the redemption and uncounts it; the caller holds the code's lock. False when there was none. */
    public boolean release(DSLContext tx, String code, String reference) {
        int deleted = tx.deleteFrom(PROMO_REDEMPTIONS)
                .where(PROMO_REDEMPTIONS.CODE.eq(code), PROMO_REDEMPTIONS.REFERENCE.eq(reference))
                .execute();
        if (deleted == 0) return false;
        tx.update(PROMO_CODES).set(PROMO_CODES.USES, PROMO_CODES.USES.minus(1)).where(PROMO_CODES.CODE.eq(code)).execute();
        return true;
    }

    // (code, reference) is the key, so the reference breaks ties within the code; mixed directions
    // are served by promo_redemptions_code_time_idx (V2) bounding the scan at the cursor's time
    private static final Keyset NEWEST_REDEMPTION_FIRST = Keyset.of("promo-redemptions",
            PROMO_REDEMPTIONS.REDEEMED_AT.desc(), PROMO_REDEMPTIONS.REFERENCE.asc());

    public Page<Redemption.Entry> redemptions(String code, PageRequest page) {
        var where = PROMO_REDEMPTIONS.CODE.eq(code);
        int total = dsl.fetchCount(PROMO_REDEMPTIONS, where);
        return NEWEST_REDEMPTION_FIRST.page(dsl.select(PROMO_REDEMPTIONS.REFERENCE, PROMO_REDEMPTIONS.REDEEMED_AT)
                .from(PROMO_REDEMPTIONS).where(where), page, total, r -> new Redemption.Entry(r.value1(), r.value2()));
    }
}
