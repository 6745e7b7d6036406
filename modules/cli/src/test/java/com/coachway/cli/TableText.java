package com.coachway.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a printed table back by the column spans of its rule line (names may hold spaces and commas). */
final class TableText {
    private static final Pattern DASHES = Pattern.compile("-+");

    /** Heading → cell, one map per data row, in print order (rules skipped). */
    static List<Map<String, String>> rows(String printed) {
        List<String> lines = printed.lines().toList();
        int rule = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && lines.get(i).matches("[- ]+")) {
                rule = i;
                break;
            }
        }
        if (rule < 1) throw new AssertionError("no table in:\n" + printed);
        var spans = new ArrayList<int[]>();
        var matcher = DASHES.matcher(lines.get(rule));
        while (matcher.find()) spans.add(new int[] {matcher.start(), matcher.end()});
        List<String> headings = cells(lines.get(rule - 1), spans);
        var rows = new ArrayList<Map<String, String>>();
        for (int i = rule + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            if (lines.get(i).matches("[- ]+")) continue;
            var row = new LinkedHashMap<String, String>();
            List<String> cells = cells(lines.get(i), spans);
            for (int c = 0; c < spans.size(); c++) row.put(headings.get(c), cells.get(c));
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line, List<int[]> spans) {
        var cells = new ArrayList<String>();
        for (int[] span : spans) {
            int from = Math.min(span[0], line.length());
            int to = Math.min(span[1], line.length());
            cells.add(line.substring(from, to).strip());
        }
        return cells;
    }

    private TableText() {
    }
}
