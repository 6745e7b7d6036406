package com.coachway.portals.client;


import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The client portal's answers. A null section is one whose service was unavailable (named in unavailable). */
public final class ClientPages {
    private ClientPages() {
    }

    public record Overview(UUID clientId, List<Map<String, Object>> upcomingTrips, List<Map<String, Object>> openQuotes, BigDecimal balanceDue,
                           String balanceBasis, List<String> unavailable) {
    }

    public record CharterList(List<Map<String, Object>> items, Integer total, int limit, int offset, String next, List<String> unavailable) {
    }

    public record CharterPage(Map<String, Object> charter, List<Map<String, Object>> quotes, List<Map<String, Object>> payments, Map<String, Object> balance,
                              List<Map<String, Object>> documents, List<Map<String, Object>> invoices, List<String> unavailable) {
    }

    /** What the client asks change-mgmt-service to change (its POST /cases body). */
    public record ChangeRequest(UUID charterId, String type, String description, JsonNode requestedChanges) {
    }
}
