package com.coachway.cli.finance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Money cells of a report. Shown exactly as the API wrote them (the JSON is read with exact
 * decimals), added up only as BigDecimal: a double would lose cents on large books.
 */
final class Amounts {
    /** The first of these fields the node has: the one place the CLI tolerates a renamed field. */
    static JsonNode field(JsonNode node, String... names) {
        for (String name : names) if (node.hasNonNull(name)) return node.get(name);
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

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

    /** The array of report rows: `items` (the house list shape), or the report's own name for them. */
    static JsonNode rows(JsonNode report, String... otherNames) {
        JsonNode items = report.path("items");
        if (items.isArray()) return items;
        for (String name : otherNames) if (report.path(name).isArray()) return report.get(name);
        throw new IllegalArgumentException("the report has no items");
    }

    private Amounts() {
    }
}
