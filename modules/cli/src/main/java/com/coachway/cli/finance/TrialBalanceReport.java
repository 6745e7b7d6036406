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
        JsonNode rows = Amounts.rows(report, "accounts");
        BigDecimal debits = BigDecimal.ZERO.setScale(2);
        BigDecimal credits = BigDecimal.ZERO.setScale(2);
        for (JsonNode row : rows) {
            JsonNode debit = row.path("debit");
            JsonNode credit = row.path("credit");
            table.row(List.of(row.path("code").asText(""), row.path("name").asText(""),
                    Amounts.text(debit), Amounts.text(credit)));
            debits = debits.add(Amounts.value(debit));
            credits = credits.add(Amounts.value(credit));
        }
        // the API's own totals when it gives them (they are what an accountant compares), else the rows' sums
        JsonNode totalDebit = report.path("totals").path("debit");
        JsonNode totalCredit = report.path("totals").path("credit");
        String debitText = totalDebit.isMissingNode() ? debits.toPlainString() : Amounts.text(totalDebit);
        String creditText = totalCredit.isMissingNode() ? credits.toPlainString() : Amounts.text(totalCredit);
        table.rule().row(List.of("", "TOTAL", debitText, creditText));

        BigDecimal shownDebit = new BigDecimal(debitText);
        BigDecimal shownCredit = new BigDecimal(creditText);
        boolean balanced = shownDebit.compareTo(shownCredit) == 0 && report.path("balanced").asBoolean(true);

        var lines = new ArrayList<String>();
        lines.add("Trial balance as of " + report.path("as_of").asText("?"));
        lines.add("");
        lines.addAll(table.lines());
        lines.add("");
        lines.add(balanced ? "balanced: debits = credits = " + debitText
                : "NOT BALANCED: debits " + debitText + ", credits " + creditText + ", difference "
                        + shownDebit.subtract(shownCredit).toPlainString());
        return new Rendered(lines, balanced);
    }

    private TrialBalanceReport() {
    }
}
