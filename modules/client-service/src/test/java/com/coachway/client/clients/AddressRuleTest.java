package com.coachway.client.clients;

import com.coachway.common.http.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddressRuleTest {
    private static List<String> fields(String state, String postal, String country) {
        return AddressRule.check(new Address("1 Main St", null, "Town", state, postal, country)).stream().map(FieldError::field).toList();
    }

    @Test
    void a_us_address_needs_a_usps_state_and_a_zip() {
        assertEquals(List.of(), fields("NY", "12207", "US"));
        assertEquals(List.of(), fields("DC", "20500-0003", "US"));
        assertEquals(List.of(), fields("PR", "00901", "US"));
        assertEquals(List.of(), fields("AE", "09012", "US"));
        assertEquals(List.of("state"), fields(null, "12207", "US"));
        assertEquals(List.of("state"), fields("ny", "12207", "US"));
        assertEquals(List.of("state"), fields("New York", "12207", "US"));
        assertEquals(List.of("state"), fields("ON", "12207", "US"));
        assertEquals(List.of("postal_code"), fields("NY", null, "US"));
        assertEquals(List.of("postal_code"), fields("NY", "1220", "US"));
        assertEquals(List.of("postal_code"), fields("NY", "12207-12", "US"));
        assertEquals(List.of("postal_code"), fields("NY", "122071234", "US"));
        assertEquals(List.of("postal_code"), fields("NY", "ABCDE", "US"));
        assertEquals(List.of("state", "postal_code"), fields("XX", "x", "US"));
    }

    @Test
    void every_state_and_dc_are_known() {
        assertEquals(51, AddressRule.US_STATES.stream().filter(s -> !List.of("PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP").contains(s)).count());
    }

    @Test
    void a_canadian_address_needs_a_province_and_a_postal_code() {
        assertEquals(List.of(), fields("QC", "H2X 1Y4", "CA"));
        assertEquals(List.of(), fields("BC", "V6B1A1", "CA"));
        assertEquals(List.of("state"), fields("NY", "H2X 1Y4", "CA"));
        assertEquals(List.of("state"), fields(null, "H2X 1Y4", "CA"));
        assertEquals(List.of("postal_code"), fields("ON", "12207", "CA"));
        assertEquals(List.of("postal_code"), fields("ON", "h2x 1y4", "CA"));
        assertEquals(List.of("postal_code"), fields("ON", null, "CA"));
    }

    @Test
    void elsewhere_state_and_postal_code_are_optional_and_only_loosely_shaped() {
        assertEquals(List.of(), fields(null, null, "MX"));
        assertEquals(List.of(), fields("Greater London", "SW1A 1AA", "GB"));
        assertEquals(List.of(), fields(null, "1010", "AT"));
        assertEquals(List.of(), fields(null, "100-0001", "JP"));
        assertEquals(List.of("postal_code"), fields(null, "SW1A 1AA!", "GB"));
        assertEquals(List.of("postal_code"), fields(null, "1", "GB"));
        assertEquals(List.of("postal_code"), fields(null, "-1010", "AT"));
        assertEquals(List.of("postal_code"), fields(null, "1234567890123", "DE"));
    }

    @Test
    void the_country_is_an_iso_alpha_2_code_in_capitals() {
        assertEquals(List.of(), fields(null, null, "DE"));
        assertEquals(List.of("country"), fields(null, null, "us"));
        assertEquals(List.of("country"), fields(null, null, "XX"));
        assertEquals(List.of("country"), fields(null, null, "USA"));
        assertEquals(List.of("country"), fields("NY", "1", "ZZ"));
    }
}
