package com.coachway.finance.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.client.ServiceClient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * charter-service as finance needs it: a charter and its current quote, read with our service
 * token before any transaction. Unknown → empty; unreachable → the 503 our caller gets, with
 * nothing written.
 */
public final class CharterDirectory {
    private final ServiceClient charters;

    public CharterDirectory(ServiceClient charters) {
        this.charters = charters;
    }

    public record QuoteLine(String code, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record Quote(String status, List<QuoteLine> lines, BigDecimal subtotal, BigDecimal discount, BigDecimal fuelSurcharge,
                        BigDecimal tax, BigDecimal total, String currency) {
    }

    public record CharterInfo(UUID id, String reference, UUID clientId, String status, OffsetDateTime pickupAt, OffsetDateTime endsAt,
                              UUID vendorId, Quote currentQuote) {
    }

    public Optional<CharterInfo> charter(UUID id) {
        try {
            return Optional.ofNullable(charters.get("/charters/" + id, CharterInfo.class));
        } catch (ServiceCallException e) {
            if (e.isNotFound()) return Optional.empty();
            if (e.isUnavailable()) throw e.unavailable();
            throw e;
        }
    }
}
