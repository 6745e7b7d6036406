package com.coachway.notification.delivery;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Email through SendGrid's v3 Mail Send API with the official sendgrid-java SDK. The API base is
 * configurable (SENDGRID_API_URL; the SDK takes a host and, for plain http, its "test" client),
 * which is how tests point the real SDK at a local fake. The SDK's own rate-limit retry is not
 * used: the worker owns retries, and honours Retry-After itself.
 */
public final class SendGridProvider implements Provider {
    public static final URI DEFAULT_API = URI.create("https://api.sendgrid.com");

    private final SendGrid sendGrid;
    private final Email from;
    private final Clock clock;

    public SendGridProvider(String apiKey, URI api, String fromEmail, String fromName, Duration timeout, Clock clock) {
        int ms = (int) timeout.toMillis();
        var http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(ms).setSocketTimeout(ms).setConnectionRequestTimeout(ms).build())
                .disableAutomaticRetries()
                .build();
        this.sendGrid = new SendGrid(apiKey, new Client(http, "http".equals(api.getScheme())));
        this.sendGrid.setHost(api.getRawAuthority());
        this.from = new Email(fromEmail, fromName);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sendgrid";
    }

    @Override
    public String send(Outbound m) throws ProviderException {
        var mail = new Mail(from, m.subject(), new Email(m.to()), new Content("text/plain", m.body()));
        // Echoed in SendGrid's event webhook, so an event finds its message.
        mail.addCustomArg("notification_id", m.id().toString());
        Response response;
        try {
            var request = new Request();
            request.setMethod(Method.POST);
            request.setEndpoint("mail/send");
            request.setBody(mail.build());
            response = sendGrid.api(request);
        } catch (IOException e) {
            throw ProviderException.noAnswer(name(), e);
        }
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            String id = header(response.getHeaders(), "X-Message-Id");
            return id == null ? "sendgrid-" + m.id() : id;
        }
        throw ProviderException.answered(name(), status, response.getBody(),
                RetryRules.retryAfter(header(response.getHeaders(), "Retry-After"), clock.instant()));
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) return null;
        for (var e : headers.entrySet()) if (name.equalsIgnoreCase(e.getKey())) return e.getValue();
        return null;
    }
}
