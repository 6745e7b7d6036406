package com.coachway.notification.delivery;

import com.coachway.common.config.Config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/** The provider of each channel: SendGrid for email and Twilio for SMS when their keys are set, the log provider otherwise. */
public record Providers(Provider email, Provider sms) {

    public static Providers fromConfig(Config config, Clock clock) {
        var timeout = Duration.ofMillis(config.integer("PROVIDER_TIMEOUT_MS", 10_000, 100, 60_000));
        Provider email = new LogProvider();
        var key = config.optional("SENDGRID_API_KEY");
        if (key.isPresent()) {
            email = new SendGridProvider(key.get(), config.uri("SENDGRID_API_URL", SendGridProvider.DEFAULT_API.toString()),
                    config.required("SENDGRID_FROM_EMAIL"), config.string("SENDGRID_FROM_NAME", "CoachWay"), timeout, clock);
        }
        Provider sms = new LogProvider();
        var sid = config.optional("TWILIO_ACCOUNT_SID");
        if (sid.isPresent()) {
            URI api = config.optional("TWILIO_API_URL").isPresent() ? config.uri("TWILIO_API_URL", null) : null;
            sms = new TwilioProvider(sid.get(), config.required("TWILIO_AUTH_TOKEN"), config.required("TWILIO_FROM"), api, clock);
        }
        return new Providers(email, sms);
    }

    public Provider forChannel(String channel) {
        return "sms".equals(channel) ? sms : email;
    }

    /** For /health: "log" when nothing is configured, else the providers in use, e.g. "sendgrid+twilio". */
    public String summary() {
        var names = new LinkedHashSet<String>();
        names.add(email.name());
        names.add(sms.name());
        return String.join("+", names);
    }

    public Map<String, String> byChannel() {
        var m = new LinkedHashMap<String, String>();
        m.put("email", email.name());
        m.put("sms", sms.name());
        return m;
    }
}
