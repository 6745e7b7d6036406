package com.coachway.sales.preferences;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.sales.audit.SalesAudit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Email preferences: read and set by staff, opted out by the public unsubscribe link. An opt-out
 * of an address that was opted in (stored or by default) goes to the audit trail with it.
 */
public final class PreferenceActions {
    private static final Logger log = LoggerFactory.getLogger(PreferenceActions.class);

    private final DSLContext dsl;
    private final PreferenceStore preferences;
    private final SalesAudit audit;
    private final Clock clock;

    public PreferenceActions(DSLContext dsl, PreferenceStore preferences, SalesAudit audit, Clock clock) {
        this.dsl = dsl;
        this.preferences = preferences;
        this.audit = audit;
        this.clock = clock;
    }

    private static String address(String email) {
        if (!Addresses.isAddress(email)) throw ApiException.notFound("Email address");
        return Addresses.key(email);
    }

    /** An address never set reads as the default, and nothing is stored. */
    public EmailPreference get(String email) {
        String key = address(email);
        return preferences.find(dsl, key).map(PreferenceStore.Stored::view)
                .orElse(new EmailPreference(key, true, PreferenceStore.DEFAULT, null));
    }

    public EmailPreference set(Caller caller, String email, boolean optIn) {
        String key = address(email);
        var stored = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // an address never stored is opted in by default: opting it out is an opt-out too
            boolean wasIn = preferences.lock(tx, key).map(PreferenceStore.Stored::optIn).orElse(true);
            var set = preferences.set(tx, key, optIn, PreferenceStore.STAFF, OffsetDateTime.now(clock));
            if (wasIn && !optIn) audit.emailUnsubscribed(tx, AuditTrail.actor(caller), key, PreferenceStore.STAFF);
            return set;
        });
        log.info("marketing for an address set to {} by {}", optIn ? "opted in" : "opted out", caller.subject());
        return stored.view();
    }

    /** No one is signed in behind the link: the audit trail's actor is {@code system}. */
    public void unsubscribe(String token) {
        boolean changed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var email = preferences.unsubscribe(tx, token, OffsetDateTime.now(clock));
            if (email.isEmpty()) {
                if (!preferences.tokenExists(tx, token)) throw ApiException.notFound("Unsubscribe token");
                return false;
            }
            audit.emailUnsubscribed(tx, AuditTrail.SYSTEM, email.get(), PreferenceStore.UNSUBSCRIBE);
            return true;
        });
        if (changed) log.info("an address unsubscribed from marketing by its link");
    }
}
