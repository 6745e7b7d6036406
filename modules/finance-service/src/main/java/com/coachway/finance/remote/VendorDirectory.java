package com.coachway.finance.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.util.Optional;
import java.util.UUID;

/** vendor-service as finance needs it: a vendor's name for its bills, read before any transaction. */
public final class VendorDirectory {
    private final ServiceClient vendors;

    public VendorDirectory(ServiceClient vendors) {
        this.vendors = vendors;
    }

    public record VendorInfo(UUID id, String name, String status) {
    }

    /** Unknown → empty; unreachable → the 503 our caller gets, with nothing written. */
    public Optional<VendorInfo> vendor(UUID id) {
        try {
            return Optional.ofNullable(vendors.get("/vendors/" + id, VendorInfo.class));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
