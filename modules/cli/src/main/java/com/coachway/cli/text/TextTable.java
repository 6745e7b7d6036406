package com.coachway.cli.text;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for a terminal: columns padded to their widest cell, amounts right-aligned. */
public final class TextTable {
    public enum Align { LEFT, RIGHT }

    public record Column(String heading, Align align) {
        public static Column left(String heading) {
            return new Column(heading, Align.LEFT);
        }

        public static Column right(String heading) {
            return new Column(heading, Align.RIGHT);
        }
    }

    private static final String GAP = "  ";
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>(); // null = a rule

    public TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " cells expected, got " + cells.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : c).toList());
        return this;
    }

    public TextTable rule() {
        rows.add(null);
        return this;
    }

    /** The lines of the table: headings, a rule, the rows; no trailing spaces. */
    public List<String> lines() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i).heading());
            for (var row : rows) if (row != null) widths[i] = Math.max(widths[i], width(row.get(i)));
        }
        var lines = new ArrayList<String>();
        lines.add(line(columns.stream().map(Column::heading).toList(), widths));
        lines.add(rule(widths));
        for (var row : rows) lines.add(row == null ? rule(widths) : line(row, widths));
        return lines;
    }

    private String line(List<String> cells, int[] widths) {
        var text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) text.append(GAP);
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - width(cell));
            text.append(columns.get(i).align() == Align.RIGHT ? pad + cell : cell + pad);
        }
        return text.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        var text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) text.append(i > 0 ? GAP : "").append("-".repeat(widths[i]));
        return text.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
