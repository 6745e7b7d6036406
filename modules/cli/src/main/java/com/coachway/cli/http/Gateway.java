package com.coachway.cli.http;

import com.coachway.cli.CliFailure;
import com.coachway.cli.ExitCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.UUID;

/**
 * The platform's public REST API through the gateway, and nothing else: the CLI holds no
 * service credentials, so it can do exactly what its logged-in user can.
 */
public final class Gateway {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    private final GatewayUrl base;
    private final HttpClient http;
    // one id for every call of this command, so its log lines can be found together
    private final String requestId = UUID.randomUUID().toString();

    public Gateway(GatewayUrl base) {
        this.base = base;
        // HTTP/1.1 as ServiceClient does: no h2c upgrade attempt for a proxy to trip over; never follow
        // a redirect, which could carry the bearer token somewhere else
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public GatewayUrl base() {
        return base;
    }

    public Answer get(String pathAndQuery, String accept, String bearer) {
        return send(request(pathAndQuery, accept, bearer).GET().build());
    }

    public Answer postJson(String path, byte[] body, String bearer) {
        return send(request(path, "application/json", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery, String accept, String bearer) {
        var builder = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", accept + ", " + PROBLEM)
                .header("X-Request-ID", requestId)
                .header("User-Agent", "coachway-cli");
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "no answer from the gateway at " + base + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s (" + request.method() + " " + request.uri().getRawPath() + ")");
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (IOException e) {
            throw unreachable(e.getCause() instanceof UnresolvedAddressException ? "unknown host"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILED, "interrupted");
        }
    }

    private CliFailure unreachable(String why) {
        return new CliFailure(ExitCodes.UNREACHABLE, "cannot reach the CoachWay gateway at " + base + ": " + why
                + " (is the platform running? scripts/run starts it locally; --url or COACHWAY_URL choose another)");
    }

    public record Answer(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
