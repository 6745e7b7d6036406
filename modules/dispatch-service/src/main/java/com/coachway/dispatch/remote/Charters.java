package com.coachway.dispatch.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;
import com.coachway.common.outbox.OutboxEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * charter-service as dispatch needs it: charters and vehicles read (service token) before any
 * transaction, a day's charters for the board, and charter status moves delivered by the outbox
 * worker after commit. An unknown record is empty; an unreachable charter-service is the 503 our
 * caller gets, with nothing written.
 */
public final class Charters {
    private static final Logger log = LoggerFactory.getLogger(Charters.class);
    /** charter-service's largest page; a day rarely needs a second one. */
    static final int PAGE = 200;
    /** A runaway cursor must not loop forever: 50 pages are 10,000 charters, far beyond any day. */
    static final int MAX_PAGES = 50;

    private final ServiceClient charters;

    public Charters(ServiceClient charters) {
        this.charters = charters;
    }

    public record VehicleLine(UUID id, String vehicleType, UUID vehicleId) {
    }

    public record CharterInfo(UUID id, String reference, UUID clientId, String status, OffsetDateTime pickupAt,
                              OffsetDateTime endsAt, List<VehicleLine> vehicles, UUID vendorId) {
        public List<VehicleLine> vehicles() {
            return vehicles == null ? List.of() : vehicles;
        }
    }

    public record VehicleInfo(UUID id, UUID vendorId, String vehicleType, Integer capacity, String status, String plate) {
    }

    private record CharterPage(List<CharterInfo> items, String next) {
    }

    public Optional<CharterInfo> charter(UUID id) {
        return find("/charters/" + id, CharterInfo.class);
    }

    public Optional<VehicleInfo> vehicle(UUID id) {
        return find("/vehicles/" + id, VehicleInfo.class);
    }

    /** The charters picked up on {@code day} (in charter-service's time zone), by pickup time, every page. */
    public List<CharterInfo> day(LocalDate day) {
        var out = new ArrayList<CharterInfo>();
        String after = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            String path = "/charters?from=" + day + "&to=" + day + "&sort=pickup_at&limit=" + PAGE
                    + (after == null ? "" : "&after=" + ServiceClient.encode(after));
            CharterPage page = call(() -> charters.get(path, new TypeReference<CharterPage>() {
            }));
            out.addAll(page.items());
            after = page.next();
            if (after == null) return out;
        }
        log.warn("the board of {} stopped after {} pages of charters", day, MAX_PAGES);
        return out;
    }

    /**
     * The delivery of a charter.progress event ({charter_id, status}): reads the charter, then
     * posts each step from where it is to the target (booked → confirmed → in_progress →
     * completed). Already there or later (or cancelled) is done, so redeliveries converge. A
     * failure throws and the outbox tries again; each step's key is the event id and the step.
     */
    public void progress(OutboxEvent event) {
        UUID charterId = UUID.fromString(event.payload().path("charter_id").asText());
        String target = event.payload().path("status").asText();
        CharterInfo charter = charters.get("/charters/" + charterId, CharterInfo.class);
        List<String> steps = CharterProgressRule.steps(charter.status(), target);
        if (steps.isEmpty()) {
            log.info("charter {} is {}: nothing to do for {} (event {})", charterId, charter.status(), target, event.id());
            return;
        }
        for (String step : steps) {
            charters.post("/charters/" + charterId + "/status", Map.of("status", step), Void.class, event.id() + ":" + step);
            log.info("charter {} moved to {} (event {})", charterId, step, event.id());
        }
    }

    private <T> Optional<T> find(String path, Class<T> type) {
        try {
            return Optional.ofNullable(charters.get(path, type));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceCallException e) {
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }

}
