package com.coachway.sales.preferences;

import com.coachway.db.sales.tables.records.EmailPreferenceRecord;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.coachway.db.sales.Tables.EMAIL_PREFERENCE;

/** The jOOQ queries of email preferences. Addresses are passed in already lower-cased ({@link Addresses#key}). */
public final class PreferenceStore {
    public static final String DEFAULT = "default";
    public static final String STAFF = "staff";
    public static final String UNSUBSCRIBE = "unsubscribe";

    public record Stored(String email, boolean optIn, String token, String source, OffsetDateTime updatedAt) {
        public EmailPreference view() {
            return new EmailPreference(email, optIn, source, updatedAt);
        }
    }

    public Optional<Stored> find(DSLContext ctx, String email) {
        return ctx.selectFrom(EMAIL_PREFERENCE).where(EMAIL_PREFERENCE.EMAIL.eq(email)).fetchOptional(PreferenceStore::toStored);
    }

    /** The address's preference held FOR UPDATE until commit (empty: never stored, so opted in by default). */
    public Optional<Stored> lock(DSLContext tx, String email) {
        return tx.selectFrom(EMAIL_PREFERENCE).where(EMAIL_PREFERENCE.EMAIL.eq(email)).forUpdate().fetchOptional(PreferenceStore::toStored);
    }

    public Stored set(DSLContext ctx, String email, boolean optIn, String source, OffsetDateTime now) {
        return ctx.insertInto(EMAIL_PREFERENCE)
                .set(EMAIL_PREFERENCE.EMAIL, email)
                .set(EMAIL_PREFERENCE.MARKETING_OPT_IN, optIn)
                .set(EMAIL_PREFERENCE.UNSUBSCRIBE_TOKEN, Addresses.newToken())
                .set(EMAIL_PREFERENCE.SOURCE, source)
                .set(EMAIL_PREFERENCE.CREATED_AT, now)
                .set(EMAIL_PREFERENCE.UPDATED_AT, now)
                .onConflict(EMAIL_PREFERENCE.EMAIL).doUpdate()
                .set(EMAIL_PREFERENCE.MARKETING_OPT_IN, optIn)
                .set(EMAIL_PREFERENCE.SOURCE, source)
                .set(EMAIL_PREFERENCE.UPDATED_AT, now)
                .returning()
                .fetchSingle(PreferenceStore::toStored);
    }

    /** Stores the default (opted in, with a token) for each address that has no preference yet. */
    public void ensure(DSLContext tx, Collection<String> emails, OffsetDateTime now) {
        if (emails.isEmpty()) return;
        var insert = tx.insertInto(EMAIL_PREFERENCE, EMAIL_PREFERENCE.EMAIL, EMAIL_PREFERENCE.MARKETING_OPT_IN,
                EMAIL_PREFERENCE.UNSUBSCRIBE_TOKEN, EMAIL_PREFERENCE.SOURCE, EMAIL_PREFERENCE.CREATED_AT, EMAIL_PREFERENCE.UPDATED_AT);
        for (String e : emails) insert = insert.values(e, true, Addresses.newToken(), DEFAULT, now, now);
        insert.onConflictDoNothing().execute();
    }

    /** Whether each address may get marketing now. */
    public Map<String, Boolean> optIns(DSLContext ctx, Collection<String> emails) {
        return ctx.select(EMAIL_PREFERENCE.EMAIL, EMAIL_PREFERENCE.MARKETING_OPT_IN).from(EMAIL_PREFERENCE)
                .where(EMAIL_PREFERENCE.EMAIL.in(emails))
                .fetch().stream().collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }

    public boolean tokenExists(DSLContext ctx, String token) {
        return ctx.fetchExists(EMAIL_PREFERENCE, EMAIL_PREFERENCE.UNSUBSCRIBE_TOKEN.eq(token));
    }

    /** Opts the token's address out if it is opted in; answers the address then, empty when nothing changed. */
    public Optional<String> unsubscribe(DSLContext tx, String token, OffsetDateTime now) {
        return tx.update(EMAIL_PREFERENCE)
                .set(EMAIL_PREFERENCE.MARKETING_OPT_IN, false)
                .set(EMAIL_PREFERENCE.SOURCE, UNSUBSCRIBE)
                .set(EMAIL_PREFERENCE.UPDATED_AT, now)
                .where(EMAIL_PREFERENCE.UNSUBSCRIBE_TOKEN.eq(token), EMAIL_PREFERENCE.MARKETING_OPT_IN.isTrue())
                .returning(EMAIL_PREFERENCE.EMAIL)
                .fetchOptional(EMAIL_PREFERENCE.EMAIL);
    }

    private static Stored toStored(EmailPreferenceRecord r) {
        return new Stored(r.getEmail(), r.getMarketingOptIn(), r.getUnsubscribeToken(), r.getSource(), r.getUpdatedAt());
    }
}
