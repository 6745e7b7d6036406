package com.coachway.client.clients;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientSortTest {
    @Test
    void the_default_order_is_by_name_ascending() {
        assertEquals(new ClientSort.Order(ClientSort.NAME, false), ClientSort.parse(null));
    }

    @Test
    void a_leading_minus_sorts_descending() {
        assertEquals(new ClientSort.Order(ClientSort.CREATED_AT, true), ClientSort.parse("-created_at"));
        assertEquals(new ClientSort.Order(ClientSort.EMAIL, false), ClientSort.parse("email"));
        assertEquals(new ClientSort.Order(ClientSort.UPDATED_AT, true), ClientSort.parse("-updated_at"));
    }

    @Test
    void the_accepted_codes_are_every_field_both_ways_and_match_the_contract() {
        assertEquals(List.of("name", "-name", "email", "-email", "created_at", "-created_at", "updated_at", "-updated_at"),
                ClientSort.codes());
        for (String code : ClientSort.codes()) assertEquals(code, (ClientSort.parse(code).descending() ? "-" : "") + ClientSort.parse(code).by().field());
        assertThrows(IllegalArgumentException.class, () -> ClientSort.parse("price"));
    }
}
