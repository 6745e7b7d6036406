package com.coachway.finance.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** An aging as CSV: a header, one row per client or vendor, then the TOTAL row (blank name). */
public final class AgingCsv {
    private AgingCsv() {
    }

    /** {@code party} is "client" or "vendor": the first two columns are {party}_id, {party}_name. */
    public static String of(Aging aging, String party) {
        var out = new StringWriter();
        var format = CSVFormat.DEFAULT.builder()
                .setHeader(party + "_id", party + "_name", "current", "1_30", "31_60", "61_90", "over_90", "total")
                .get();
        try (var csv = new CSVPrinter(out, format)) {
            for (Aging.Party p : aging.parties()) {
                csv.printRecord(row(p.id().toString(), p.name(), p.buckets()));
            }
            csv.printRecord(row("TOTAL", "", aging.totals()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object[] row(String id, String name, Buckets b) {
        return new Object[] {id, name, plain(b.current()), plain(b.days1To30()), plain(b.days31To60()), plain(b.days61To90()),
                plain(b.over90()), plain(b.total())};
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }
}
