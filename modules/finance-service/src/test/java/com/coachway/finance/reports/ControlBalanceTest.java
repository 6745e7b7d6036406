package com.coachway.finance.reports;

import com.coachway.finance.FinancePlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The control balances read closed months from account_month_balance (filled by the close) and
 * the rest from the lines: after random postings over several months, closed out of order, both
 * equal the plain sum of the lines on every date, and each closed month's totals are its lines'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlBalanceTest {
    static final List<String> ACCOUNTS = List.of("1000", "1100", "2000", "2100", "4000", "5000", "5100");
    static final LocalDate FIRST = LocalDate.parse("2026-08-01");
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    @Test
    void control_balances_equal_the_sum_of_lines_whatever_months_are_closed() {
        var random = new Random(9);
        int days = (int) (FinancePlatform.TODAY.toEpochDay() - FIRST.toEpochDay());
        for (int i = 0; i < 40; i++) {
            String debit = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            String credit = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            // the AR and AP sides on most entries
            if (i % 2 == 0) debit = "1100"; else credit = "2000";
            if (debit.equals(credit)) credit = debit.equals("1000") ? "4000" : "1000";
            String amount = new BigDecimal(1 + random.nextInt(500_000)).movePointLeft(2).toPlainString();
            post(FIRST.plusDays(random.nextInt(days + 1)), debit, credit, amount);
        }
        assertAgree();
        close("2026-10");
        close("2026-08");
        assertAgree();
        close("2026-09");
        assertAgree();
    }

    void post(LocalDate date, String debit, String credit, String amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("entry_date", date.toString());
        body.put("memo", "control balance check");
        body.put("lines", List.of(Map.of("account", debit, "debit", new BigDecimal(amount)),
                Map.of("account", credit, "credit", new BigDecimal(amount))));
        fp.as("accountant").contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/ledger/entries").then().statusCode(201);
    }

    void close(String month) {
        fp.as("accountant").post("/periods/" + month + "/close").then().statusCode(200);
    }

    void assertAgree() {
        for (var month : fp.rows("select month from finance.period where closed_at is not null")) {
            for (var row : fp.rows("""
                    select a.code, coalesce(b.debit, 0) as summary_debit, coalesce(b.credit, 0) as summary_credit,
                           coalesce(sum(l.debit), 0) as debit, coalesce(sum(l.credit), 0) as credit
                    from finance.account a
                    left join finance.account_month_balance b on b.account_code = a.code and b.month = ?::date
                    left join finance.journal_line l on l.account_code = a.code
                         and l.entry_date >= ?::date and l.entry_date < (?::date + interval '1 month')
                    group by a.code, b.debit, b.credit""", month.get("month").toString(), month.get("month").toString(),
                    month.get("month").toString())) {
                assertEquals(0, money(row, "debit").compareTo(money(row, "summary_debit")), row.toString());
                assertEquals(0, money(row, "credit").compareTo(money(row, "summary_credit")), row.toString());
            }
        }
        for (LocalDate asOf = FIRST.minusDays(1); !asOf.isAfter(FinancePlatform.TODAY.plusDays(1)); asOf = asOf.plusDays(3)) {
            var lines = fp.rows("""
                    select coalesce(sum(debit - credit) filter (where account_code = '1100'), 0) as ar,
                           coalesce(sum(credit - debit) filter (where account_code = '2000'), 0) as ap
                    from finance.journal_line where entry_date <= ?::date""", asOf.toString()).getFirst();
            var ar = new BigDecimal(fp.as("accountant").get("/reports/ar-aging?as_of=" + asOf).then().statusCode(200)
                    .extract().jsonPath().getString("ar_control_balance"));
            var ap = new BigDecimal(fp.as("accountant").get("/reports/ap-aging?as_of=" + asOf).then().statusCode(200)
                    .extract().jsonPath().getString("ap_control_balance"));
            assertEquals(0, money(lines, "ar").compareTo(ar), "AR on " + asOf);
            assertEquals(0, money(lines, "ap").compareTo(ap), "AP on " + asOf);
        }
    }

    static BigDecimal money(Map<String, Object> row, String column) {
        return new BigDecimal(row.get(column).toString());
    }
}
