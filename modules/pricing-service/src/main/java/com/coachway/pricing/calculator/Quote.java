package com.coachway.pricing.calculator;

import java.math.BigDecimal;
import java.util.List;

/** A priced breakdown, in the shape POST /calculate answers. Every amount is in cents (scale 2). */
public record Quote(List<Line> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal fuelSurcharge,
                    BigDecimal tax, BigDecimal total, String currency, BigDecimal billableHours, int days, Dot dot) {

    public record Line(String code, String description, int quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** Hours-of-service findings from the same numbers; {@code driversRequired} is per vehicle. */
    public record Dot(boolean compliant, int driversRequired, boolean overnightRestRequired, List<String> warnings) {
    }
}
