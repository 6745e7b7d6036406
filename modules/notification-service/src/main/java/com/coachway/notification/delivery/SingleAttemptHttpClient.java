package com.coachway.notification.delivery;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

import java.net.URI;

/**
 * The Twilio SDK's own HTTP client, with two changes. It makes each request once: the SDK would
 * retry a 5xx three times on its own, and Apache's client a 429 or 503, inside our lease and
 * uncounted, while the worker owns retries (and their backoff). And with an API base other than Twilio's (TWILIO_API_URL, how
 * tests reach a local fake) every request goes to that host: the SDK builds its URLs from
 * api.twilio.com and offers no base URL, but its client takes an Apache HttpClientBuilder, whose
 * route planner decides where a connection goes. The last response of the calling thread is kept
 * for its headers (Retry-After), which the SDK's exceptions do not carry.
 */
final class SingleAttemptHttpClient extends NetworkHttpClient {
    private static final ThreadLocal<Response> LAST = new ThreadLocal<>();

    /** @param api null for Twilio itself */
    SingleAttemptHttpClient(URI api) {
        super(builder(api));
    }

    private static HttpClientBuilder builder(URI api) {
        // Apache's client would itself retry a 429 or 503 once after its Retry-After, unseen by the worker.
        var builder = HttpClientBuilder.create().useSystemProperties().disableAutomaticRetries();
        if (api == null) return builder;
        boolean tls = "https".equals(api.getScheme());
        var host = new HttpHost(api.getScheme(), api.getHost(), api.getPort() > 0 ? api.getPort() : tls ? 443 : 80);
        return builder.setRoutePlanner((target, context) -> new HttpRoute(host, null, tls));
    }

    @Override
    public Response reliableRequest(Request request) {
        LAST.remove();
        Response response = makeRequest(request);
        LAST.set(response);
        return response;
    }

    /** The response the calling thread's last request got, once; null if none. */
    static Response takeLast() {
        Response r = LAST.get();
        LAST.remove();
        return r;
    }
}
