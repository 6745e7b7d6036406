package com.coachway.auth.session;

import com.coachway.auth.passwords.Passwords;
import com.coachway.common.config.Config;
import org.jooq.DSLContext;

import java.util.regex.Pattern;

/**
 * SERVICE_CLIENTS="charter-service:secret,pricing-service:secret2": the machine clients allowed
 * the client-credentials grant, upserted at start (so rotating a secret is a redeploy).
 */
public final class ServiceClientBootstrap {
    private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,99}$");

    private ServiceClientBootstrap() {
    }

    public static int run(Config config, DSLContext dsl, SessionStore sessions, Passwords passwords) {
        var raw = config.optional("SERVICE_CLIENTS");
        if (raw.isEmpty()) return 0;
        int count = 0;
        for (String entry : raw.get().split(",")) {
            if (entry.isBlank()) continue;
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !ID.matcher(parts[0]).matches() || parts[1].length() < 16) {
                throw new Config.ConfigException("SERVICE_CLIENTS",
                        "must be a comma-separated list of client-id:secret with secrets of at least 16 characters");
            }
            sessions.upsertServiceClient(dsl, parts[0], passwords.hash(parts[1]));
            count++;
        }
        return count;
    }
}
