package com.coachway.changemgmt.cases;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a case asks to change, and which fields of requested_changes belong to it (first required). */
public enum CaseType {
    DATE_CHANGE(Set.of("pickup_at", "ends_at"), "pickup_at"),
    ITINERARY_CHANGE(Set.of("stops", "miles"), "stops"),
    PASSENGER_COUNT_CHANGE(Set.of("passengers"), "passengers"),
    VEHICLE_CHANGE(Set.of("vehicles"), "vehicles"),
    CANCELLATION(Set.of(), null),
    OTHER(Set.of("note"), "note");

    private final Set<String> fields;
    private final String required;

    CaseType(Set<String> fields, String required) {
        this.fields = fields;
        this.required = required;
    }

    public Set<String> fields() {
        return fields;
    }

    /** The field this type cannot do without, or null. */
    public String required() {
        return required;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseType> fromCode(String code) {
        for (CaseType t : values()) if (t.code().equals(code)) return Optional.of(t);
        return Optional.empty();
    }
}
