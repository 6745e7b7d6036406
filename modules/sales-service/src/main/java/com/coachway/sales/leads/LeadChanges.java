package com.coachway.sales.leads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What a PATCH or a creation says about a lead. For a PATCH, {@code present} names the fields the
 * body had (a nullable field given as null is present and clears it); others keep their value.
 */
public record LeadChanges(Set<String> present, String name, String company, String email, String phone, String source,
                          String tripDescription, Integer estimatedPassengers, LocalDate estimatedDate, BigDecimal estimatedValue,
                          String status, String lostReason, UUID assignedTo) {

    public boolean has(String field) {
        return present.contains(field);
    }
}
