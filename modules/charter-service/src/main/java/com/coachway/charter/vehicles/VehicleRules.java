package com.coachway.charter.vehicles;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a vehicle record must look like, and when a vehicle may serve a charter's vehicle line:
 * it is active, of the line's type, and seats at least the line's capacity.
 */
public final class VehicleRules {
    /** 17 characters; I, O and Q are never used in VINs (they read as 1 and 0). */
    private static final Pattern VIN = Pattern.compile("^[A-HJ-NPR-Z0-9]{17}$");
    private static final Pattern PLATE = Pattern.compile("^[A-Z0-9][A-Z0-9 -]{0,14}$");

    private VehicleRules() {
    }

    /** Upper case with single inner spaces, so "abc  123" and "ABC 123" are one plate. */
    public static String normalizePlate(String plate) {
        return plate.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    public static String normalizeVin(String vin) {
        return vin.strip().toUpperCase(Locale.ROOT);
    }

    public static Optional<String> plateProblem(String normalized) {
        return PLATE.matcher(normalized).matches() ? Optional.empty()
                : Optional.of("must be 1 to 15 letters, digits, spaces or hyphens, starting with a letter or digit");
    }

    public static Optional<String> vinProblem(String normalized) {
        return VIN.matcher(normalized).matches() ? Optional.empty()
                : Optional.of("must be 17 letters and digits, without I, O or Q");
    }

    /**
     * Model years run up to next year (dealers sell next year's models from mid-year): a bound
     * that moves with the clock, which the contract cannot state. The fixed range (1950–2100) is
     * the contract's; the database checks the same range, as a backstop.
     */
    public static Optional<String> yearProblem(int year, Year thisYear) {
        int newest = thisYear.getValue() + 1;
        return year <= newest ? Optional.empty() : Optional.of("must be at most " + newest + " (next year's models)");
    }

    /** Why this vehicle cannot serve the line, or empty when it can. */
    public static Optional<String> misfit(String vehicleStatus, String vehicleType, int vehicleCapacity,
                                          String lineType, int lineCapacity) {
        if (!"active".equals(vehicleStatus)) {
            return Optional.of("The vehicle is " + vehicleStatus + "; only an active vehicle can be assigned");
        }
        if (!vehicleType.equals(lineType)) {
            return Optional.of("The vehicle is a " + vehicleType + " but the line needs a " + lineType);
        }
        if (vehicleCapacity < lineCapacity) {
            return Optional.of("The vehicle seats " + vehicleCapacity + " but the line needs " + lineCapacity + " seats");
        }
        return Optional.empty();
    }

    /**
     * A vehicle still promised to charters that have not run cannot be taken out of service: those
     * charters would silently lose their coach. The dispatcher moves them to another vehicle first.
     */
    public static Optional<String> refusalToStandDown(String targetStatus, List<String> upcomingReferences) {
        if ("active".equals(targetStatus) || upcomingReferences.isEmpty()) return Optional.empty();
        int shown = Math.min(5, upcomingReferences.size());
        String list = String.join(", ", upcomingReferences.subList(0, shown))
                + (upcomingReferences.size() > shown ? " and " + (upcomingReferences.size() - shown) + " more" : "");
        return Optional.of("The vehicle is assigned to " + upcomingReferences.size() + " upcoming charter"
                + (upcomingReferences.size() == 1 ? "" : "s") + " (" + list + "); assign "
                + (upcomingReferences.size() == 1 ? "it" : "them") + " another vehicle before setting it " + targetStatus);
    }
}
