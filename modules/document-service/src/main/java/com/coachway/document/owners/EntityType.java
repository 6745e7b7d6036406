package com.coachway.document.owners;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of record a document can be filed against, by the service that owns them. invoice
 * joins when finance-service exists to look invoices up in.
 */
public enum EntityType {
    CHARTER, CLIENT, VEHICLE, VENDOR, DRIVER;

    public static final List<String> CODES = Arrays.stream(values()).map(EntityType::code).toList();

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<EntityType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
