package com.coachway.pricing.calculator;

import com.coachway.hos.ServiceDays;
import com.coachway.common.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalTime;
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
    void the_service_day_starts_at_four_unless_configured() {
        assertEquals(LocalTime.of(4, 0), PricingSettings.fromConfig(Config.of(Map.of())).serviceDayStart());
        var s = PricingSettings.fromConfig(Config.of(Map.of("SERVICE_DAY_START", "05:30", "TZ", "America/Chicago")));
        assertEquals(new ServiceDays(ZoneId.of("America/Chicago"), LocalTime.of(5, 30)), s.serviceDays());
        assertEquals(LocalTime.MIDNIGHT, PricingSettings.fromConfig(Config.of(Map.of("SERVICE_DAY_START", "00:00"))).serviceDayStart());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "TZ | Mars/Olympus",
            "TAX_RATE | lots",
            "TAX_RATE | -0.01",
            "FUEL_SURCHARGE_PCT | -1",
            "FUEL_SURCHARGE_PCT | 101",
            "SERVICE_DAY_START | 4am",
            "SERVICE_DAY_START | 4:00",
            "SERVICE_DAY_START | 24:00",
            "SERVICE_DAY_START | 04:00:00",
    })
    void nonsense_settings_fail_fast_naming_the_variable(String name, String value) {
        var e = assertThrows(Config.ConfigException.class, () -> PricingSettings.fromConfig(Config.of(Map.of(name, value))));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }
}
