package com.coachway.pricing.calculator;

import com.coachway.common.config.Config;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricingSettingsTest {

    @Test
    void without_configuration_trips_are_in_new_york_with_no_tax_or_fuel_surcharge() {
        var s = PricingSettings.fromConfig(Config.of(Map.of()));
        assertEquals(ZoneId.of("America/New_York"), s.zone());
        assertEquals(0, s.taxRate().signum());
        assertEquals(0, s.fuelSurchargePct().signum());
    }

    @Test
    void the_tax_rate_is_a_fraction_and_the_fuel_surcharge_a_percentage() {
        var s = PricingSettings.fromConfig(Config.of(Map.of("TZ", "America/Chicago", "TAX_RATE", "0.0825", "FUEL_SURCHARGE_PCT", "3.5")));
        assertEquals(ZoneId.of("America/Chicago"), s.zone());
        assertEquals(new BigDecimal("0.0825"), s.taxRate());
        assertEquals(new BigDecimal("3.5"), s.fuelSurchargePct());
    }

    @Test
    void a_tax_rate_written_as_a_percentage_is_refused_at_start() {
        var e = assertThrows(Config.ConfigException.class, () -> PricingSettings.fromConfig(Config.of(Map.of("TAX_RATE", "8.25"))));
        assertTrue(e.getMessage().contains("TAX_RATE"));
    }

    @Test
    void nonsense_settings_fail_fast_naming_the_variable() {
        var cases = java.util.List.of(
                Map.of("TZ", "Mars/Olympus"), Map.of("TAX_RATE", "lots"), Map.of("TAX_RATE", "-0.01"),
                Map.of("FUEL_SURCHARGE_PCT", "-1"), Map.of("FUEL_SURCHARGE_PCT", "101"));
        for (Map<String, String> bad : cases) {
            String name = bad.keySet().iterator().next();
            var e = assertThrows(Config.ConfigException.class, () -> PricingSettings.fromConfig(Config.of(bad)));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }
}
