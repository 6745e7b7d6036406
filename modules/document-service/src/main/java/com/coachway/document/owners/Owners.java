package com.coachway.document.owners;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks the service that owns a record whether it exists and whose it is, with this service's
 * token (so a portal user's own view does not decide what exists; {@code Tenancy} does that
 * after). Unknown records are empty; an owner that cannot answer is the 503 our caller gets,
 * with nothing stored.
 */
public final class Owners {
    private final ServiceClient charters;
    private final ServiceClient clients;
    private final ServiceClient vendors;
    private final ServiceClient dispatch;

    public Owners(ServiceClient charterService, ServiceClient clientService, ServiceClient vendorService, ServiceClient dispatchService) {
        this.charters = charterService;
        this.clients = clientService;
        this.vendors = vendorService;
        this.dispatch = dispatchService;
    }

    record CharterRef(UUID id, UUID clientId) {
    }

    record VehicleRef(UUID id, UUID vendorId) {
    }

    record ClientRef(UUID id) {
    }

    record VendorRef(UUID id) {
    }

    /** A company driver has no vendor; an affiliate's driver is its vendor's. */
    record DriverRef(UUID id, UUID vendorId) {
    }

    public Optional<Owner> find(EntityType type, UUID id) {
        return switch (type) {
            case CHARTER -> find(charters, "/charters/" + id, CharterRef.class).map(c -> new Owner(type, id, c.clientId(), null));
            case VEHICLE -> find(charters, "/vehicles/" + id, VehicleRef.class).map(v -> new Owner(type, id, null, v.vendorId()));
            case CLIENT -> find(clients, "/clients/" + id, ClientRef.class).map(c -> new Owner(type, id, id, null));
            case VENDOR -> find(vendors, "/vendors/" + id, VendorRef.class).map(v -> new Owner(type, id, null, id));
            case DRIVER -> find(dispatch, "/drivers/" + id, DriverRef.class).map(d -> new Owner(type, id, null, d.vendorId()));
        };
    }

    private static <T> Optional<T> find(ServiceClient service, String path, Class<T> type) {
        try {
            return Optional.ofNullable(service.get(path, type));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
