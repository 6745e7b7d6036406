package com.coachway.portals.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The client portal's answers. A null section is one whose service was unavailable (named in unavailable). */
public final class ClientPages {
    private ClientPages() {
    }

    public record Overview(UUID clientId, List<JsonNode> upcomingTrips, List<JsonNode> openQuotes, BigDecimal balanceDue,
                           String balanceBasis, List<String> unavailable) {
    }

    public record CharterList(List<JsonNode> items, Integer total, int limit, String next, List<String> unavailable) {
    }

    public record CharterPage(JsonNode charter, List<JsonNode> quotes, List<JsonNode> payments, JsonNode balance,
                              List<JsonNode> documents, List<JsonNode> invoices, List<String> unavailable) {
    }

    /** What the client asks change-mgmt-service to change (its POST /cases body). */
    public record ChangeRequest(UUID charterId, String type, String description, JsonNode requestedChanges) {
    }
}
