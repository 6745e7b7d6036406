package com.coachway.cli.finance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Money cells of a report, shown exactly as the API wrote them (the JSON is read with exact
 * decimals, so 1200.50 stays 1200.50) and compared only as BigDecimal, never as double.
 */
final class Amounts {
    static String text(JsonNode amount) {
        if (amount.isNumber()) return amount.decimalValue().toPlainString();
        return amount.isTextual() ? amount.asText() : "";
    }

    static BigDecimal value(JsonNode amount) {
        if (amount.isNumber()) return amount.decimalValue();
        try {
            return new BigDecimal(amount.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount.asText() + "' is not an amount");
        }
    }

    /** The report's rows, named as finance-service's contract names them: clients, vendors, accounts. */
    static JsonNode rows(JsonNode report, String name) {
        if (report.path(name).isArray()) return report.get(name);
        throw new IllegalArgumentException("the report has no " + name);
    }

    static JsonNode object(JsonNode report, String name) {
        if (report.path(name).isObject()) return report.get(name);
        throw new IllegalArgumentException("the report has no " + name);
    }

    private Amounts() {
    }
}
