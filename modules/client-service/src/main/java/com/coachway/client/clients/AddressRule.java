package com.coachway.client.clients;

import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a billing address is good enough to put on an invoice. Every address needs line1, city and
 * an ISO 3166-1 alpha-2 country. US and Canadian addresses (nearly all of a North American charter
 * company's clients) are checked strictly — a USPS state or province code and a well-formed ZIP or
 * postal code — because invoices and tax depend on them; elsewhere state and postal code are free
 * text with sane limits. Field names in the errors are relative to the address object.
 */
public final class AddressRule {
    /** 50 states, DC, the inhabited territories, and the military "states" (AA, AE, AP). */
    static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP");
    static final Set<String> CA_PROVINCES = Set.of(
            "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern US_ZIP = Pattern.compile("^[0-9]{5}(-[0-9]{4})?$");
    private static final Pattern CA_POSTAL = Pattern.compile("^[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]$");
    private static final Pattern OTHER_POSTAL = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$");

    private AddressRule() {
    }

    /** Problems with an address whose parts are already plain strings (null = absent). */
    public static List<FieldError> check(Address a) {
        var errors = new ArrayList<FieldError>();
        if (a.country() != null && !COUNTRIES.contains(a.country())) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code in capitals, e.g. US or CA"));
            return errors;
        }
        String country = a.country();
        if ("US".equals(country)) {
            if (a.state() == null) errors.add(new FieldError("state", "is required for US addresses"));
            else if (!US_STATES.contains(a.state())) errors.add(new FieldError("state", "must be a USPS state code such as NY or CA"));
            if (a.postalCode() == null) errors.add(new FieldError("postal_code", "is required for US addresses"));
            else if (!US_ZIP.matcher(a.postalCode()).matches()) errors.add(new FieldError("postal_code", "must be a ZIP code: 12345 or 12345-6789"));
        } else if ("CA".equals(country)) {
            if (a.state() == null) errors.add(new FieldError("state", "is required for Canadian addresses"));
            else if (!CA_PROVINCES.contains(a.state())) errors.add(new FieldError("state", "must be a province or territory code such as ON or QC"));
            if (a.postalCode() == null) errors.add(new FieldError("postal_code", "is required for Canadian addresses"));
            else if (!CA_POSTAL.matcher(a.postalCode()).matches()) errors.add(new FieldError("postal_code", "must be a Canadian postal code such as K1A 0B1"));
        } else if (a.postalCode() != null && !OTHER_POSTAL.matcher(a.postalCode()).matches()) {
            errors.add(new FieldError("postal_code", "must be 2 to 12 letters, digits, spaces or hyphens"));
        }
        return errors;
    }
}
