package com.coachway.vendor.vendors;

import java.util.List;
import java.util.Set;

/**
 * The fields a PATCH names. {@code present} lists the JSON fields sent, so a nullable field sent
 * as null clears it while an absent one keeps the vendor's own value.
 */
public record VendorPatch(Set<String> present, String name, String legalName, String dotNumber, String mcNumber,
                          String email, String phone, String address, List<String> serviceStates, Integer fleetSize,
                          String status) {

    VendorStore.Values applyTo(Vendor before) {
        return new VendorStore.Values(pick("name", name, before.name()), pick("legal_name", legalName, before.legalName()),
                pick("dot_number", dotNumber, before.dotNumber()), pick("mc_number", mcNumber, before.mcNumber()),
                pick("email", email, before.email()), pick("phone", phone, before.phone()),
                pick("address", address, before.address()), pick("service_states", serviceStates, before.serviceStates()),
                pick("fleet_size", fleetSize, before.fleetSize()), pick("status", status, before.status()));
    }

    private <T> T pick(String field, T sent, T before) {
        return present.contains(field) ? sent : before;
    }
}
