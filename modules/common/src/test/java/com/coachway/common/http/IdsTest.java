package com.coachway.common.http;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IdsTest {

    @Test
    void a_canonical_uuid_is_parsed_in_either_case() {
        UUID id = UUID.fromString("6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a");
        assertEquals(id, Ids.parse("6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a"));
        assertEquals(id, Ids.parse("6F1C1B7E-2A0B-4C55-9A57-1F0E0D8C2B3A"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "1-1-1-1-1",                                    // UUID.fromString accepts this one
            "6f1c1b7e2a0b4c559a571f0e0d8c2b3a",            // no hyphens
            "{6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a}",      // braces
            "urn:uuid:6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a",
            " 6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a",
            "6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a\n",
            "6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a0",
            "6f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3g",
            "00000006f1c1b7e-2a0b-4c55-9a57-1f0e0d8c2b3a",
            "6f1c1b7e-2a0b-4c55-9a571f0e-0d8c2b3a"})
    void anything_but_a_canonical_uuid_is_no_id(String raw) {
        assertNull(Ids.parse(raw));
    }

    @Test
    void new_ids_are_version_7_uuids_carrying_the_current_time_and_distinct() {
        long before = System.currentTimeMillis();
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Ids.newId();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            seen.add(id);
        }
        UUID id = Ids.newId();
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis());
        assertEquals(10_000, seen.size());
        assertEquals(id, Ids.parse(id.toString()), "a new id is canonical");
    }
}
