package com.coachway.auth.users;

import com.coachway.auth.passwords.Passwords;
import com.coachway.common.config.Config;
import com.coachway.common.http.Ids;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * First start: creates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD unless a user with that
 * email exists. An existing admin is never touched (its password may have been changed since).
 */
public final class AdminBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {
    }

    public static void run(Config config, DSLContext dsl, UserStore users, Passwords passwords) {
        var email = config.optional("ADMIN_EMAIL");
        var password = config.optional("ADMIN_PASSWORD");
        if (email.isEmpty() || password.isEmpty()) {
            log.info("ADMIN_EMAIL/ADMIN_PASSWORD not set: no admin bootstrap");
            return;
        }
        if (users.credentials(dsl, email.get()).isPresent()) return;
        String hash = passwords.hash(password.get());
        boolean created = dsl.transactionResult(c ->
                users.insertIfAbsent(c.dsl(), Ids.newId(), email.get(), "Administrator", hash, List.of("admin")));
        if (created) log.info("created the bootstrap admin {}", email.get());
    }
}
