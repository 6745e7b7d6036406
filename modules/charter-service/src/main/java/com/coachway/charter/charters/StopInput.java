package com.coachway.charter.charters;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stop as a request gives it; {@code sequence} is null when it was missing or not a number (already reported). */
public record StopInput(Integer sequence, String address, BigDecimal lat, BigDecimal lon,
                        OffsetDateTime arriveAt, OffsetDateTime departAt, String notes) {
}
