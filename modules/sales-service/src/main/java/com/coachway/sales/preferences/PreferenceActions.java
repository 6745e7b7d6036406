package com.coachway.sales.preferences;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Email preferences: read and set by staff, opted out by the public unsubscribe link. */
public final class PreferenceActions {
    private static final Logger log = LoggerFactory.getLogger(PreferenceActions.class);

    private final DSLContext dsl;
    private final PreferenceStore preferences;
    private final Clock clock;

    public PreferenceActions(DSLContext dsl, PreferenceStore preferences, Clock clock) {
        this.dsl = dsl;
        this.preferences = preferences;
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
        var stored = preferences.set(dsl, key, optIn, PreferenceStore.STAFF, OffsetDateTime.now(clock));
        log.info("marketing for an address set to {} by {}", optIn ? "opted in" : "opted out", caller.subject());
        return stored.view();
    }

    public void unsubscribe(String token) {
        if (!preferences.unsubscribe(dsl, token, OffsetDateTime.now(clock))) throw ApiException.notFound("Unsubscribe token");
        log.info("an address unsubscribed from marketing by its link");
    }
}
