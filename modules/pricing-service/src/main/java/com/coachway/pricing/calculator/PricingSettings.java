package com.coachway.pricing.calculator;

import com.coachway.hos.ServiceDays;
import com.coachway.common.config.Config;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The business settings a quote depends on. {@code taxRate} is a fraction (0.0825 = 8.25 %);
 * {@code fuelSurchargePct} is a percentage (3.5 = 3.5 %): the names say which, and a tax rate of
 * 1 or more is refused because it is almost certainly a percentage typed into the wrong variable.
 * {@code serviceDayStart} is when the company's working day begins in {@code zone}.
 */
public record PricingSettings(ZoneId zone, LocalTime serviceDayStart, BigDecimal taxRate, BigDecimal fuelSurchargePct) {
    public static final String DEFAULT_ZONE = "America/New_York";
    public static final String DEFAULT_SERVICE_DAY_START = "04:00";
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    public PricingSettings {
        if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("tax rate must be a fraction in [0, 1), got " + taxRate);
        }
        if (fuelSurchargePct.signum() < 0 || fuelSurchargePct.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("fuel surcharge must be a percentage in [0, 100], got " + fuelSurchargePct);
        }
    }

    public ServiceDays serviceDays() {
        return new ServiceDays(zone, serviceDayStart);
    }

    /**
     * TZ (default America/New_York), SERVICE_DAY_START (HH:MM local, default 04:00), TAX_RATE
     * (fraction, default 0), FUEL_SURCHARGE_PCT (percent, default 0).
     */
    public static PricingSettings fromConfig(Config config) {
        ZoneId zone;
        String tz = config.string("TZ", DEFAULT_ZONE);
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new Config.ConfigException("TZ", "must be a time zone id like America/New_York, got '" + tz + "'");
        }
        LocalTime dayStart;
        String start = config.string("SERVICE_DAY_START", DEFAULT_SERVICE_DAY_START);
        try {
            dayStart = LocalTime.parse(start, HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw new Config.ConfigException("SERVICE_DAY_START", "must be a local time HH:MM like 04:00, got '" + start + "'");
        }
        BigDecimal tax = decimal(config, "TAX_RATE");
        if (tax.compareTo(BigDecimal.ONE) >= 0) {
            throw new Config.ConfigException("TAX_RATE", "is a fraction (0.0825 for 8.25 %), got " + tax.toPlainString());
        }
        BigDecimal fuel = decimal(config, "FUEL_SURCHARGE_PCT");
        if (fuel.compareTo(new BigDecimal("100")) > 0) {
            throw new Config.ConfigException("FUEL_SURCHARGE_PCT", "is a percentage between 0 and 100, got " + fuel.toPlainString());
        }
        return new PricingSettings(zone, dayStart, tax, fuel);
    }

    private static BigDecimal decimal(Config config, String name) {
        String raw = config.string(name, "0");
        try {
            BigDecimal v = new BigDecimal(raw);
            if (v.signum() < 0) throw new Config.ConfigException(name, "must not be negative, got " + raw);
            return v;
        } catch (NumberFormatException e) {
            throw new Config.ConfigException(name, "must be a decimal number, got '" + raw + "'");
        }
    }
}
