package com.coachway.cli.finance;

import com.coachway.cli.text.TextTable;
import com.coachway.cli.text.TextTable.Column;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** finance-service's AR / AP aging JSON as a table: one row per client (vendor), then TOTAL. */
final class AgingReport {
    static final List<String> BUCKETS = List.of("current", "1_30", "31_60", "61_90", "over_90", "total");
    private static final List<String> HEADINGS = List.of("Current", "1-30", "31-60", "61-90", "Over 90", "Total");

    static List<String> render(JsonNode report, boolean payables) {
        String party = payables ? "vendor" : "client";
        var columns = new ArrayList<Column>();
        columns.add(Column.left(payables ? "Vendor" : "Client"));
        HEADINGS.forEach(h -> columns.add(Column.right(h)));
        var table = new TextTable(columns);

        JsonNode rows = Amounts.rows(report, party + "s");
        for (JsonNode row : rows) {
            var cells = new ArrayList<String>();
            // the name is denormalised on the document and may be null: then the id says who
            JsonNode name = row.hasNonNull(party + "_name") ? row.get(party + "_name") : row.path(party + "_id");
            cells.add(name.asText(""));
            BUCKETS.forEach(bucket -> cells.add(Amounts.text(row.path(bucket))));
            table.row(cells);
        }
        table.rule();
        JsonNode totals = Amounts.object(report, "totals");
        var total = new ArrayList<String>();
        total.add("TOTAL");
        BUCKETS.forEach(bucket -> total.add(Amounts.text(totals.path(bucket))));
        table.row(total);

        var lines = new ArrayList<String>();
        lines.add((payables ? "Accounts payable" : "Accounts receivable") + " aging as of "
                + report.path("as_of").asText("?") + (rows.isEmpty() ? " (no open balances)" : ""));
        lines.add("");
        lines.addAll(table.lines());
        JsonNode control = report.path(payables ? "ap_control_balance" : "ar_control_balance");
        if (!control.isMissingNode()) {
            // the contract promises they are equal; a reader who sees otherwise should know at once
            BigDecimal difference = Amounts.value(totals.path("total")).subtract(Amounts.value(control));
            lines.add("");
            lines.add((payables ? "AP" : "AR") + " control account balance: " + Amounts.text(control)
                    + (difference.signum() == 0 ? " (equals the total)"
                            : " (DIFFERS from the total by " + difference.toPlainString() + ")"));
        }
        return lines;
    }

    private AgingReport() {
    }
}
