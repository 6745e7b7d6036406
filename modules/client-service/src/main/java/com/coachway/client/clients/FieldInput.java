package com.coachway.client.clients;

import com.coachway.common.http.JsonInput;

/** Reads the body fields whose rules live in this service (phone numbers, addresses) into a JsonInput's errors. */
public final class FieldInput {

    private FieldInput() {
    }

    /** A phone number, or null when absent or null; a bad one is reported on {@code field}. */
    public static String phone(JsonInput in, String field) {
        String phone = in.optionalString(field);
        if (phone == null) return null;
        PhoneRule.problem(phone).ifPresent(problem -> in.error(field, problem));
        return phone;
    }

    /** A billing address, or null when absent or null; problems are reported as billing_address.<part>. */
    public static Address address(JsonInput in, String field) {
        if (!in.has(field) || in.isNull(field)) return null;
        JsonInput a = in.requiredObject(field);
        if (a == null) return null;
        var address = new Address(
                a.requiredString("line1"),
                blankToNull(a.optionalString("line2")),
                a.requiredString("city"),
                blankToNull(a.optionalString("state")),
                blankToNull(a.optionalString("postal_code")),
                a.requiredString("country"));
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
