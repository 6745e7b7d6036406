package com.coachway.analytics.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports as CSV (commons-csv, RFC 4180): a header, then the same figures as the JSON, money
 * as plain decimals, null as an empty field.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String revenue(Revenue r) {
        var rows = new ArrayList<List<Object>>();
        for (Revenue.Row row : r.rows()) {
            rows.add(List.of(row.key(), text(row.label()), row.bookings(), plain(row.bookedRevenue()), plain(row.collected())));
        }
        Revenue.Totals t = r.totals();
        rows.add(List.of("TOTAL", "", t.bookings(), plain(t.bookedRevenue()), plain(t.collected())));
        return write(new String[] {"key", "label", "bookings", "booked_revenue", "collected"}, rows);
    }

    public static String charterMetrics(CharterMetrics m) {
        CharterMetrics.StatusCounts s = m.byStatus();
        return metrics(List.of(
                List.of("from", m.from()), List.of("to", m.to()),
                List.of("by_status.inquiry", s.inquiry()), List.of("by_status.quoted", s.quoted()),
                List.of("by_status.booked", s.booked()), List.of("by_status.confirmed", s.confirmed()),
                List.of("by_status.in_progress", s.inProgress()), List.of("by_status.completed", s.completed()),
                List.of("by_status.cancelled", s.cancelled()),
                List.of("trips", m.trips()), List.of("inquiries", m.inquiries()), List.of("quotes_sent", m.quotesSent()),
                List.of("quoted_charters", m.quotedCharters()), List.of("converted_charters", m.convertedCharters()),
                List.of("conversion_pct", plain(m.conversionPct())), List.of("bookings", m.bookings()),
                List.of("booked_revenue", plain(m.bookedRevenue())),
                List.of("average_lead_time_days", plain(m.averageLeadTimeDays())),
                List.of("cancellations", m.cancellations()), List.of("cancelled_value", plain(m.cancelledValue()))));
    }

    public static String vendorPerformance(VendorPerformance p) {
        var rows = new ArrayList<List<Object>>();
        for (VendorPerformance.Vendor v : p.vendors()) {
            rows.add(List.of(v.rank(), v.vendorId().toString(), v.vendorName(), v.trips(), v.completedTrips(), v.vendorCancellations(),
                    v.ratings(), plain(v.averageScore()), plain(v.onTimePct()), v.bids(), v.bidsWon(), plain(v.winPct()),
                    plain(v.awardedValue())));
        }
        return write(new String[] {"rank", "vendor_id", "vendor_name", "trips", "completed_trips", "vendor_cancellations", "ratings",
                "average_score", "on_time_pct", "bids", "bids_won", "win_pct", "awarded_value"}, rows);
    }

    public static String dashboard(Dashboard d) {
        var rows = new ArrayList<List<Object>>(List.of(
                List.of("as_of", d.asOf().toString()), List.of("date", d.date()),
                List.of("today_trips", d.todayTrips()), List.of("in_progress", d.inProgress()),
                List.of("month_to_date_revenue", plain(d.monthToDateRevenue())),
                List.of("month_to_date_bookings", d.monthToDateBookings()),
                List.of("month_to_date_collected", plain(d.monthToDateCollected())),
                List.of("open_quote_value", plain(d.openQuoteValue())), List.of("open_quotes", d.openQuotes()),
                List.of("outstanding_receivables", plain(d.outstandingReceivables()))));
        for (Dashboard.DayTrips day : d.next7Days()) rows.add(List.of("next_7_days." + day.date(), day.trips()));
        return metrics(rows);
    }

    private static String metrics(List<? extends List<Object>> rows) {
        return write(new String[] {"metric", "value"}, rows);
    }

    private static String write(String[] header, List<? extends List<Object>> rows) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (List<Object> row : rows) csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Money and rates as plain decimals; a null figure (a rate of nothing) as an empty field. */
    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
