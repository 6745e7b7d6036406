package com.coachway.notification.delivery;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;

/**
 * SMS through Twilio's Messages API with the official twilio SDK: one TwilioRestClient of our own
 * (not the SDK's global Twilio.init), on a client that makes each request once (see
 * {@link SingleAttemptHttpClient}). {@code from} is an E.164 number or a Messaging Service SID (MG…).
 */
public final class TwilioProvider implements Provider {
    private final TwilioRestClient client;
    private final String from;
    private final Clock clock;

    /** @param api null for Twilio itself */
    public TwilioProvider(String accountSid, String authToken, String from, URI api, Clock clock) {
        var http = new SingleAttemptHttpClient(api);
        this.client = new TwilioRestClient.Builder(accountSid, authToken).accountSid(accountSid).httpClient(http).build();
        this.from = from;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String send(Outbound m) throws ProviderException {
        var to = new PhoneNumber(m.to());
        var creator = from.startsWith("MG") ? Message.creator(to, from, m.body()) : Message.creator(to, new PhoneNumber(from), m.body());
        try {
            return creator.create(client).getSid();
        } catch (ApiConnectionException e) {
            throw ProviderException.noAnswer(name(), e);
        } catch (ApiException e) {
            Response last = SingleAttemptHttpClient.takeLast();
            Integer status = e.getStatusCode();
            String error = e.getMessage() + (e.getCode() == null ? "" : " (Twilio error " + e.getCode() + ")");
            return failWith(status == null ? (last == null ? 0 : last.getStatusCode()) : status, error, last);
        } catch (RuntimeException e) {
            // the SDK could not read the answer (not Twilio's JSON): no telling whether it was taken
            throw ProviderException.noAnswer(name(), e);
        }
    }

    private String failWith(int status, String error, Response last) throws ProviderException {
        String retryAfter = last == null || last.getHeaders() == null ? null : Arrays.stream(last.getHeaders())
                .filter(h -> "Retry-After".equalsIgnoreCase(h.getName())).map(h -> h.getValue()).findFirst().orElse(null);
        throw ProviderException.answered(name(), status, error, RetryRules.retryAfter(retryAfter, clock.instant()));
    }
}
