package com.coachway.changemgmt.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Problems;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * charter-service as this service needs it: a charter as it is now, and applying a change to it
 * (PATCH /charters/{id}, or the cancellation through POST /charters/{id}/status).
 */
public final class Charters {
    private final ServiceClient charters;

    public Charters(ServiceClient charters) {
        this.charters = charters;
    }

    /** The same directory calling with this bearer token (a client user reads only its own charters). */
    public Charters as(String bearerToken) {
        return new Charters(charters.withToken(() -> bearerToken));
    }

    public record Stop(int sequence, String address, BigDecimal lat, BigDecimal lon, OffsetDateTime arriveAt, OffsetDateTime departAt,
                       String notes) {
    }

    public record Line(String vehicleType) {
    }

    public record Quote(UUID id, BigDecimal subtotal, BigDecimal tax, BigDecimal total, String promoCode) {
    }

    public record Charter(UUID id, String reference, UUID clientId, UUID contactId, String status, String tripType, int passengerCount,
                          OffsetDateTime pickupAt, OffsetDateTime returnAt, OffsetDateTime endsAt, List<Stop> stops, List<Line> vehicles,
                          List<String> amenities, Integer miles, Quote currentQuote, int version) {
    }

    /** The charter, or empty when charter-service does not know it (or not for this caller); 503 when it is down. */
    public Optional<Charter> find(UUID id) {
        try {
            return Optional.ofNullable(charters.get("/charters/" + id, Charter.class));
        } catch (ServiceCallException e) {
            if (e.status() == 404 || e.status() == 403) return Optional.empty();
            throw unavailableOr(e);
        }
    }

    /** What charter-service answered when it refused ({@code type} its problem type); permanent unless {@link #retryable}. */
    public record Refusal(int status, String type, String detail, List<FieldError> errors) {
        public boolean retryable() {
            // a version race (the charter changed since it was read), an outage: try again later. Any
            // other 409 is charter-service saying no for good (vehicles assigned, a closed charter).
            return versionConflict() || status == 429 || status >= 500;
        }

        public boolean versionConflict() {
            return status == 409 && Problems.VERSION_CONFLICT.equals(type);
        }
    }

    /** Applies a PATCH body (it names the version read); the refusal when charter-service says no. */
    public Optional<Refusal> patch(UUID id, Map<String, Object> body) {
        return attempt(() -> charters.patch("/charters/" + id, body, Charter.class));
    }

    public Optional<Refusal> cancel(UUID id, String reason, int version) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("status", "cancelled");
        body.put("reason", reason);
        body.put("version", version);
        return attempt(() -> charters.post("/charters/" + id + "/status", body, Charter.class));
    }

    private static Optional<Refusal> attempt(Runnable call) {
        try {
            call.run();
            return Optional.empty();
        } catch (ServiceCallException e) {
            if (e.connectionFailed()) return Optional.of(new Refusal(503, null, "charter-service cannot be reached", List.of()));
            String detail = e.detail() == null ? e.title() : e.detail();
            return Optional.of(new Refusal(e.status(), e.type(), detail, e.errors() == null ? List.of() : e.errors()));
        }
    }

    private static ApiException unavailableOr(ServiceCallException e) {
        // the status is kept: it ends up in a case's implementation_error when every attempt met it
        if (e.connectionFailed()) return ApiException.unavailable("charter-service cannot be reached; try again shortly");
        if (e.isUnavailable()) return ApiException.unavailable("charter-service answered " + e.status() + "; try again shortly");
        return ApiException.unavailable("charter-service could not be asked for the charter (" + e.status() + ")");
    }
}
