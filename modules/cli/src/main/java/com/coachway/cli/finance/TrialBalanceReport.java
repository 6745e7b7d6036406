package com.coachway.cli.finance;

import com.coachway.cli.text.TextTable;
import com.coachway.cli.text.TextTable.Column;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** finance-service's trial balance JSON as a table, its totals, and whether it balances. */
final class TrialBalanceReport {
    record Rendered(List<String> lines, boolean balanced) {
    }

    static Rendered render(JsonNode report) {
        var table = new TextTable(List.of(Column.left("Code"), Column.left("Account"),
                Column.right("Debit"), Column.right("Credit")));
        for (JsonNode row : Amounts.rows(report, "accounts")) {
            table.row(List.of(row.path("code").asText(""), row.path("name").asText(""),
                    Amounts.text(row.path("debit")), Amounts.text(row.path("credit"))));
        }
        JsonNode totals = Amounts.object(report, "totals");
        String debits = Amounts.text(totals.path("debit"));
        String credits = Amounts.text(totals.path("credit"));
        table.rule().row(List.of("", "TOTAL", debits, credits));
        BigDecimal difference = Amounts.value(totals.path("debit")).subtract(Amounts.value(totals.path("credit")));
        // balanced only when the totals shown agree and finance-service does not say otherwise
        boolean balanced = difference.signum() == 0 && report.path("balanced").asBoolean(true);

        var lines = new ArrayList<String>();
        lines.add("Trial balance as of " + report.path("as_of").asText("?"));
        lines.add("");
        lines.addAll(table.lines());
        lines.add("");
        lines.add(balanced ? "balanced: debits = credits = " + debits
                : "NOT BALANCED: debits " + debits + ", credits " + credits + ", difference " + difference.toPlainString());
        return new Rendered(lines, balanced);
    }

    private TrialBalanceReport() {
    }
}
