package com.coachway.client.clients;

import java.util.Arrays;
import java.util.List;

/** The list's sort orders: a field, ascending, or descending with a leading "-" (e.g. -created_at). */
public enum ClientSort {
    NAME("name"), EMAIL("email"), CREATED_AT("created_at"), UPDATED_AT("updated_at");

    public static final ClientSort DEFAULT = NAME;
    private final String field;

    ClientSort(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A parsed sort parameter. */
    public record Order(ClientSort by, boolean descending) {
    }

    /** Every accepted value of the sort parameter. */
    public static List<String> codes() {
        return Arrays.stream(values()).flatMap(s -> java.util.stream.Stream.of(s.field, "-" + s.field)).toList();
    }

    /** The order for a sort parameter (null → by name, ascending); the caller has checked it is one of {@link #codes()}. */
    public static Order parse(String code) {
        if (code == null) return new Order(DEFAULT, false);
        boolean desc = code.startsWith("-");
        String field = desc ? code.substring(1) : code;
        for (ClientSort s : values()) if (s.field.equals(field)) return new Order(s, desc);
        throw new IllegalArgumentException("unknown sort " + code);
    }
}
