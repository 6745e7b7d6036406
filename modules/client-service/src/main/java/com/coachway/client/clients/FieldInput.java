package com.coachway.client.clients;

import com.coachway.common.http.JsonInput;

/** Reads the body fields whose rules live in this service (phone numbers, addresses) into a JsonInput's errors. */
public final class FieldInput {
    private static final String[] ADDRESS_FIELDS = {"line1", "line2", "city", "state", "postal_code", "country"};

    private FieldInput() {
    }

    /** A phone number, or null when absent or null; a bad one is reported on {@code field}. */
    public static String phone(JsonInput in, String field) {
        String phone = in.optionalString(field, 100);
        if (phone == null) return null;
        PhoneRule.problem(phone).ifPresent(problem -> in.error(field, problem));
        return phone;
    }

    /** A billing address, or null when absent or null; problems are reported as billing_address.<part>. */
    public static Address address(JsonInput in, String field) {
        if (!in.has(field) || in.isNull(field)) return null;
        JsonInput a = in.requiredObject(field);
        if (a == null) return null;
        a.allowOnly(ADDRESS_FIELDS);
        var address = new Address(
                a.requiredString("line1", AddressRule.LINE_MAX),
                blankToNull(a.optionalString("line2", AddressRule.LINE_MAX)),
                a.requiredString("city", AddressRule.CITY_MAX),
                blankToNull(a.optionalString("state", AddressRule.STATE_MAX)),
                blankToNull(a.optionalString("postal_code", AddressRule.POSTAL_MAX)),
                a.requiredString("country", 2));
        if (address.country() != null) {
            for (var e : AddressRule.check(address)) a.error(e.field(), e.message());
        }
        return address;
    }

    /** Optional free text: empty means "none". */
    public static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
