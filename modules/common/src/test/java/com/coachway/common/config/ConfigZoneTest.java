package com.coachway.common.config;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigZoneTest {
    @Test
    void a_zone_or_its_default_and_a_bad_one_names_the_variable() {
        assertEquals(ZoneId.of("America/Chicago"), Config.of(Map.of("TZ", "America/Chicago")).zone("TZ", "America/New_York"));
        assertEquals(ZoneId.of("America/New_York"), Config.of(Map.of()).zone("TZ", "America/New_York"));
        var e = assertThrows(Config.ConfigException.class, () -> Config.of(Map.of("TZ", "Mars/Olympus")).zone("TZ", "America/New_York"));
        assertTrue(e.getMessage().contains("TZ") && e.getMessage().contains("Mars/Olympus"), e.getMessage());
    }
}
