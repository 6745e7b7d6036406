package com.coachway.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go when no provider is configured (local stack, demos): the rendered message is
 * already stored on its row; this logs that it would have gone out and accepts it.
 */
public final class LogProvider implements Provider {
    private static final Logger log = LoggerFactory.getLogger(LogProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public String send(Outbound m) {
        // The address and text stay in the database; the log says which message, not what it said to whom.
        log.info("log provider: notification {} ({}) accepted, not sent anywhere", m.id(), m.channel());
        return "log-" + m.id();
    }
}
