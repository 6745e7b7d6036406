package com.coachway.pricing.promos;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.PromoCodesRecord;
import com.coachway.db.pricing.tables.records.PromoRedemptionsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.coachway.db.pricing.Tables.PROMO_CODES;
import static com.coachway.db.pricing.Tables.PROMO_REDEMPTIONS;

/**
 * The jOOQ queries for promo codes and their redemptions, each run on the context it is given
 * (inside a transaction: its nested one). Codes are passed in their stored, upper-case form and
 * compared exactly.
 */
public final class PromoStore {
    private PromoStore() {
    }

    private static PromoCode toPromo(PromoCodesRecord r) {
        return new PromoCode(r.getCode(), r.getDescription(), r.getDiscountType(), r.getDiscountValue(), r.getValidFrom(),
                r.getValidTo(), r.getMaxUses(), r.getMinSubtotal(), r.getActive(), r.getUses(), r.getVersion(),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    private static final Keyset BY_CODE = Keyset.of("promo-codes", PROMO_CODES.CODE.asc());

    public static Page<PromoCode> list(DSLContext db, Boolean active, String q, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (active != null) conditions.add(PROMO_CODES.ACTIVE.eq(active));
        if (q != null) {
            String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.lower(PROMO_CODES.CODE).like(like, '\\').or(DSL.lower(PROMO_CODES.DESCRIPTION).like(like, '\\')));
        }
        Condition where = DSL.and(conditions);
        int total = db.fetchCount(PROMO_CODES, where);
        return BY_CODE.page(db.selectFrom(PROMO_CODES).where(where), page, total, PromoStore::toPromo);
    }

    public static Optional<PromoCode> find(DSLContext db, String code) {
        return db.selectFrom(PROMO_CODES).where(PROMO_CODES.CODE.eq(code)).fetchOptional(PromoStore::toPromo);
    }

    /** The code's row locked: redemptions of one code serialize here, so max_uses holds under concurrency. */
    public static Optional<PromoCode> lock(DSLContext tx, String code) {
        return tx.selectFrom(PROMO_CODES).where(PROMO_CODES.CODE.eq(code)).forUpdate().fetchOptional(PromoStore::toPromo);
    }

    /** The columns a code's values fill, alike on insert and update. */
    private static PromoCodesRecord record(PromoValues v) {
        var r = new PromoCodesRecord();
        r.setDescription(v.description());
        r.setDiscountType(v.discountType());
        r.setDiscountValue(v.discountValue());
        r.setValidFrom(v.validFrom());
        r.setValidTo(v.validTo());
        r.setMaxUses(v.maxUses());
        r.setMinSubtotal(v.minSubtotal());
        r.setActive(v.active());
        return r;
    }

    /** Inserts unless the code exists; false when it did (a concurrent duplicate included). */
    public static boolean insert(DSLContext tx, String code, PromoValues v) {
        PromoCodesRecord r = record(v);
        r.setCode(code);
        return tx.insertInto(PROMO_CODES).set(r).onConflictDoNothing().execute() == 1;
    }

    /** Replaces the values and bumps the version; the caller has locked the row and checked the version. */
    public static void update(DSLContext tx, String code, PromoValues v) {
        tx.update(PROMO_CODES)
                .set(record(v))
                .set(PROMO_CODES.VERSION, PROMO_CODES.VERSION.plus(1))
                .set(PROMO_CODES.UPDATED_AT, OffsetDateTime.now())
                .where(PROMO_CODES.CODE.eq(code))
                .execute();
    }

    public static boolean redeemed(DSLContext tx, String code, String reference) {
        return tx.fetchExists(PROMO_REDEMPTIONS, PROMO_REDEMPTIONS.CODE.eq(code), PROMO_REDEMPTIONS.REFERENCE.eq(reference));
    }

    /** Records the redemption and counts it; the caller holds the code's lock. Returns the uses after. */
    public static int redeem(DSLContext tx, String code, String reference) {
        var redemption = new PromoRedemptionsRecord();
        redemption.setCode(code);
        redemption.setReference(reference);
        tx.insertInto(PROMO_REDEMPTIONS).set(redemption).execute();
        return tx.update(PROMO_CODES)
                .set(PROMO_CODES.USES, PROMO_CODES.USES.plus(1))
                .where(PROMO_CODES.CODE.eq(code))
                .returningResult(PROMO_CODES.USES)
                .fetchOne(r -> r.value1());
    }

    /** Forgets the redemption and uncounts it; the caller holds the code's lock. False when there was none. */
    public static boolean release(DSLContext tx, String code, String reference) {
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

    public static Page<Redemption.Entry> redemptions(DSLContext db, String code, PageRequest page) {
        var where = PROMO_REDEMPTIONS.CODE.eq(code);
        int total = db.fetchCount(PROMO_REDEMPTIONS, where);
        return NEWEST_REDEMPTION_FIRST.page(db.select(PROMO_REDEMPTIONS.REFERENCE, PROMO_REDEMPTIONS.REDEEMED_AT)
                .from(PROMO_REDEMPTIONS).where(where), page, total, r -> new Redemption.Entry(r.value1(), r.value2()));
    }
}
