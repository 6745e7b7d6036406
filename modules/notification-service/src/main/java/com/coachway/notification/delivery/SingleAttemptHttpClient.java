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
 * retry a 5xx three times on its own, inside our lease and uncounted, while the worker owns
 * retries (and their backoff). And with an API base other than Twilio's (TWILIO_API_URL, how
 * tests reach a local fake) every request goes to that host: the SDK builds its URLs from
 * api.twilio.com and offers no base URL, but its client takes an Apache HttpClientBuilder, whose
 * route planner decides where a connection goes. The last response of the calling thread is kept
 * for its headers (Retry-After), which the SDK's exceptions do not carry.
 */
final class SingleAttemptHttpClient extends NetworkHttpClient {
    private static final ThreadLocal<Response> LAST = new ThreadLocal<>();

    SingleAttemptHttpClient() {
        super();
    }

    SingleAttemptHttpClient(URI api) {
        super(HttpClientBuilder.create().setRoutePlanner((target, context) -> new HttpRoute(
                new HttpHost(api.getScheme(), api.getHost(), api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80),
                null, "https".equals(api.getScheme()))));
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
