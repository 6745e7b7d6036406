package com.coachway.cli.finance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Money cells of a report. Shown exactly as the API wrote them (the JSON is read with exact
 * decimals), added up only as BigDecimal: a double would lose cents on large books.
 */
final class Amounts {
    static String text(JsonNode amount) {
        if (amount.isNumber()) return amount.decimalValue().toPlainString();
        return amount.isTextual() ? amount.asText() : "";
    }

    static BigDecimal value(JsonNode amount) {
        if (amount.isNumber()) return amount.decimalValue();
        if (amount.isTextual()) {
            try {
                return new BigDecimal(amount.asText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + amount.asText() + "' is not an amount");
            }
        }
        return BigDecimal.ZERO;
    }

    /** The report's rows, named as finance-service's contract names them: clients, vendors, accounts. */
    static JsonNode rows(JsonNode report, String name) {
        if (report.path(name).isArray()) return report.get(name);
        throw new IllegalArgumentException("the report has no " + name);
    }

    private Amounts() {
    }
}
