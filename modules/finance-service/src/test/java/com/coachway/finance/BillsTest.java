package com.coachway.finance;

import com.coachway.testkit.Together;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coachway.finance.FinancePlatform.TODAY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendor bills entered by hand and their payments, with vendor-service stood in for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillsTest {
    FinancePlatform fp;

    @BeforeAll
    void start() {
        fp = new FinancePlatform();
    }

    @AfterAll
    void stop() {
        fp.close();
    }

    String newVendor() {
        String id = UUID.randomUUID().toString();
        fp.vendorIs(id, "Coach Co " + id.substring(0, 4));
        return id;
    }

    static Map<String, Object> bill(String vendorId, String amount, String billDate, String dueDate) {
        var b = new LinkedHashMap<String, Object>();
        b.put("vendor_id", vendorId);
        b.put("amount", new BigDecimal(amount));
        b.put("bill_date", billDate);
        b.put("due_date", dueDate);
        return b;
    }

    static Map<String, Object> payment(String amount, String paidOn, String method) {
        var p = new LinkedHashMap<String, Object>();
        p.put("amount", new BigDecimal(amount));
        p.put("paid_on", paidOn);
        p.put("method", method);
        return p;
    }

    Response create(Map<String, Object> body) {
        return fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(body)
                .post("/bills");
    }

    String newBill(String vendorId, String amount) {
        Response r = create(bill(vendorId, amount, TODAY.minusDays(10).toString(), TODAY.plusDays(20).toString()));
        assertEquals(201, r.statusCode(), r::asString);
        return r.path("id");
    }

    Response pay(String billId, Map<String, Object> body) {
        return fp.as("accountant").header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body(body)
                .post("/bills/" + billId + "/payments");
    }

    static BigDecimal money(Object json) {
        return new BigDecimal(json.toString()).setScale(2);
    }

    /** The lines of a journal entry: account, debit, credit and the dimensions, in line order. */
    List<Map<String, Object>> lines(String entryId) {
        return fp.rows("select a.name, l.debit, l.credit, l.vendor_id::text as vendor, l.charter_id::text as charter, l.bill_id::text as bill,"
                + " l.client_id::text as client, l.invoice_id::text as invoice, e.entry_date::text as date, e.source_type"
                + " from finance.journal_line l join finance.account a on a.code = l.account_code"
                + " join finance.journal_entry e on e.id = l.entry_id where l.entry_id = ?::uuid order by l.line_no", entryId);
    }

    static void line(Map<String, Object> l, String account, String debit, String credit, String vendor, String charter, String bill) {
        assertEquals(account, l.get("name"));
        assertEquals(new BigDecimal(debit), l.get("debit"), account + " debit");
        assertEquals(new BigDecimal(credit), l.get("credit"), account + " credit");
        assertEquals(vendor, l.get("vendor"));
        assertEquals(charter, l.get("charter"));
        assertEquals(bill, l.get("bill"));
        assertNull(l.get("client"));
        assertNull(l.get("invoice"));
    }

    @Test
    void a_bill_books_its_cost_against_payables_with_vendor_charter_and_bill_on_each_line() {
        String vendor = newVendor();
        String charter = UUID.randomUUID().toString();
        var body = bill(vendor, "1234.56", TODAY.minusDays(3).toString(), TODAY.plusDays(27).toString());
        body.put("charter_id", charter);
        body.put("number", "INV-77-001");
        body.put("memo", "Coach for the Smith wedding");
        Response r = create(body);
        r.then().statusCode(201).body("status", equalTo("open")).body("vendor_id", equalTo(vendor))
                .body("vendor_name", equalTo("Coach Co " + vendor.substring(0, 4))).body("charter_id", equalTo(charter))
                .body("number", equalTo("INV-77-001")).body("memo", equalTo("Coach for the Smith wedding"))
                .body("bill_date", equalTo(TODAY.minusDays(3).toString())).body("due_date", equalTo(TODAY.plusDays(27).toString()))
                .body("amount", equalTo(1234.56f)).body("paid", equalTo(0.0f)).body("balance", equalTo(1234.56f))
                .body("settled_on", equalTo(null)).body("vendor_payment_id", equalTo(null)).body("currency", equalTo("USD"))
                .body("version", equalTo(1));
        String id = r.path("id");
        assertEquals("/bills/" + id, r.header("Location"));
        assertTrue(fp.vendors.requests().stream().anyMatch(q -> q.path().equals("/vendors/" + vendor) && q.bearer()),
                "vendor-service was asked with a token");

        var lines = lines(r.path("entry_id"));
        assertEquals(2, lines.size());
        line(lines.get(0), "cost_of_charter_services", "1234.56", "0.00", vendor, charter, id);
        line(lines.get(1), "accounts_payable", "0.00", "1234.56", vendor, charter, id);
        assertEquals(TODAY.minusDays(3).toString(), lines.get(0).get("date"));
        assertEquals("bill", lines.get(0).get("source_type"));

        fp.as("manager").get("/bills/" + id).then().statusCode(200).body("id", equalTo(id)).body("entry_id", equalTo(r.path("entry_id")));
        fp.as("manager").get("/bills/" + id + "/payments").then().statusCode(200).body("items.size()", equalTo(0));
        fp.as("admin").queryParam("vendor_id", vendor).get("/bills").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        fp.as("accountant").get("/bills/" + UUID.randomUUID()).then().statusCode(404);
        fp.as("accountant").get("/bills/not-a-uuid").then().statusCode(404);
        fp.as("accountant").get("/bills/" + UUID.randomUUID() + "/payments").then().statusCode(404);

        // the same vendor invoice entered again is refused, naming the first bill
        var again = bill(vendor, "1234.56", TODAY.toString(), TODAY.toString());
        again.put("number", "INV-77-001");
        create(again).then().statusCode(409).body("detail", containsString(id));
        // another vendor may use the same number
        var other = bill(newVendor(), "10.00", TODAY.toString(), TODAY.toString());
        other.put("number", "INV-77-001");
        create(other).then().statusCode(201);
    }

    @Test
    void payments_take_a_bill_from_open_to_partially_paid_to_paid_booking_payables_against_cash() {
        String vendor = newVendor();
        String id = newBill(vendor, "1000.00");
        Response first = pay(id, payment("400.00", TODAY.minusDays(5).toString(), "ach"));
        first.then().statusCode(201).body("bill_id", equalTo(id)).body("vendor_id", equalTo(vendor)).body("amount", equalTo(400.0f))
                .body("paid_on", equalTo(TODAY.minusDays(5).toString())).body("method", equalTo("ach")).body("reference", equalTo(null))
                .body("source", equalTo(null)).body("created_by", not(equalTo("finance-service")));
        assertEquals("/bills/" + id + "/payments", first.header("Location"));
        var lines = lines(first.path("entry_id"));
        assertEquals(2, lines.size());
        line(lines.get(0), "accounts_payable", "400.00", "0.00", vendor, null, id);
        line(lines.get(1), "cash", "0.00", "400.00", vendor, null, id);
        assertEquals(TODAY.minusDays(5).toString(), lines.get(0).get("date"));
        assertEquals("bill_payment", lines.get(0).get("source_type"));
        fp.as("manager").get("/bills/" + id).then().body("status", equalTo("partially_paid")).body("paid", equalTo(400.0f))
                .body("balance", equalTo(600.0f)).body("settled_on", equalTo(null)).body("version", equalTo(2));

        // more than is open: refused, nothing written
        pay(id, payment("600.01", TODAY.toString(), "wire")).then().statusCode(409).body("detail", containsString("600.00"));
        var body = payment("600.00", TODAY.minusDays(1).toString(), "check");
        body.put("reference", "chk 1042");
        pay(id, body).then().statusCode(201).body("reference", equalTo("chk 1042"));
        fp.as("manager").get("/bills/" + id).then().body("status", equalTo("paid")).body("paid", equalTo(1000.0f))
                .body("balance", equalTo(0.0f)).body("settled_on", equalTo(TODAY.minusDays(1).toString()));
        pay(id, payment("0.01", TODAY.toString(), "card")).then().statusCode(409).body("detail", containsString("paid"));
        fp.as("manager").get("/bills/" + id + "/payments").then().statusCode(200)
                .body("items.amount", equalTo(List.of(400.0f, 600.0f))).body("items.method", equalTo(List.of("ach", "check")));
        var ap = fp.rows("select sum(credit) - sum(debit) as open from finance.journal_line where bill_id = ?::uuid and account_code = '2000'", id);
        assertEquals(0, ((BigDecimal) ap.getFirst().get("open")).signum(), "the paid bill's payables net to zero");
        fp.balances(TODAY);
    }

    @Test
    void a_bill_settled_by_payments_dated_out_of_order_is_settled_on_the_latest_payment_date() {
        String id = newBill(newVendor(), "100.00");
        pay(id, payment("60.00", TODAY.toString(), "ach")).then().statusCode(201);
        pay(id, payment("40.00", TODAY.minusDays(4).toString(), "ach")).then().statusCode(201);
        fp.as("manager").get("/bills/" + id).then().body("status", equalTo("paid")).body("settled_on", equalTo(TODAY.toString()));
    }

    @Test
    void entering_a_bill_refuses_bad_input_and_writes_nothing() {
        long bills = fp.count("finance.bill");
        long entries = fp.count("finance.journal_entry");
        String vendor = newVendor();
        String b = TODAY.minusDays(1).toString();
        String d = TODAY.plusDays(29).toString();
        var key = "Idempotency-Key";
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body("{\"vendor_id\":").post("/bills").then().statusCode(400);
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body("[]").post("/bills").then().statusCode(400);
        fp.rawAs("accountant").header(key, "k1").contentType("text/plain").body("hello").post("/bills").then().statusCode(415);
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(Map.of()).post("/bills").then().statusCode(400)
                .body("errors.field", hasItems("vendor_id", "amount", "bill_date", "due_date"));
        var wrongTypes = new HashMap<String, Object>(Map.of("vendor_id", 12, "amount", "100.00", "bill_date", "yesterday", "due_date", true));
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(wrongTypes).post("/bills").then().statusCode(400)
                .body("errors.field", hasItems("vendor_id", "amount", "bill_date", "due_date"));
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(bill("not-a-uuid", "1.00", b, d)).post("/bills")
                .then().statusCode(400).body("errors.field", hasItem("vendor_id"));
        for (String amount : List.of("10.005", "-5.00", "0.00", "100000000.00")) {
            fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(bill(vendor, amount, b, d)).post("/bills")
                    .then().statusCode(400).body("errors.field", hasItem("amount"));
        }
        var extra = bill(vendor, "1.00", b, d);
        extra.put("vendor_name", "We Say So");
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(extra).post("/bills").then().statusCode(400);
        fp.rawAs("accountant").header(key, "k1").contentType("application/json").body(bill(vendor, "1.00", b, TODAY.minusDays(2).toString()))
                .post("/bills").then().statusCode(400).body("errors.field", hasItem("due_date")).body("errors.message", hasItem(containsString(b)));
        fp.rawAs("accountant").header(key, "k1").contentType("application/json")
                .body(bill(vendor, "1.00", TODAY.plusDays(1).toString(), TODAY.plusDays(2).toString())).post("/bills")
                .then().statusCode(400).body("errors.field", hasItem("bill_date"));
        fp.rawAs("accountant").contentType("application/json").body(bill(vendor, "1.00", b, d)).post("/bills").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        String stranger = UUID.randomUUID().toString();
        fp.as("accountant").header(key, "k1").contentType("application/json").body(bill(stranger, "1.00", b, d)).post("/bills")
                .then().statusCode(400).body("errors.field", hasItem("vendor_id"));
        fp.vendors.answer("/vendors/" + stranger, 503, FinancePlatform.problem(503, "down"));
        fp.as("accountant").header(key, "k1").contentType("application/json").body(bill(stranger, "1.00", b, d)).post("/bills")
                .then().statusCode(503);
        for (String role : List.of("manager", "sales_agent", "dispatcher")) {
            fp.rawAs(role).header(key, "k1").contentType("application/json").body(bill(vendor, "1.00", b, d)).post("/bills")
                    .then().statusCode(403);
        }
        fp.asVendorUser(vendor).header(key, "k1").contentType("application/json").body(bill(vendor, "1.00", b, d)).post("/bills")
                .then().statusCode(403);
        fp.asService().header(key, "k1").contentType("application/json").body(bill(vendor, "1.00", b, d)).post("/bills")
                .then().statusCode(403);
        fp.platform.raw(FinancePlatform.FINANCE).header(key, "k1").contentType("application/json").body(bill(vendor, "1.00", b, d))
                .post("/bills").then().statusCode(401);
        assertEquals(bills, fp.count("finance.bill"));
        assertEquals(entries, fp.count("finance.journal_entry"));
    }

    @Test
    void paying_a_bill_refuses_bad_input_and_writes_nothing() {
        String vendor = newVendor();
        String id = newBill(vendor, "500.00");
        long payments = fp.count("finance.bill_payment");
        long entries = fp.count("finance.journal_entry");
        String on = TODAY.toString();
        var key = "Idempotency-Key";
        String path = "/bills/" + id + "/payments";
        fp.rawAs("accountant").header(key, "p1").contentType("application/json").body("{\"amount\": 1").post(path).then().statusCode(400);
        fp.rawAs("accountant").header(key, "p1").contentType("application/json").body(Map.of()).post(path).then().statusCode(400)
                .body("errors.field", hasItems("amount", "paid_on", "method"));
        fp.rawAs("accountant").header(key, "p1").contentType("application/json")
                .body(Map.of("amount", "5", "paid_on", 20261116, "method", 3)).post(path).then().statusCode(400)
                .body("errors.field", hasItems("amount", "paid_on", "method"));
        for (String amount : List.of("1.001", "-1.00", "0")) {
            fp.rawAs("accountant").header(key, "p1").contentType("application/json").body(payment(amount, on, "ach")).post(path)
                    .then().statusCode(400).body("errors.field", hasItem("amount"));
        }
        fp.rawAs("accountant").header(key, "p1").contentType("application/json").body(payment("1.00", on, "bitcoin")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("method"));
        fp.rawAs("accountant").header(key, "p1").contentType("application/json").body(payment("1.00", TODAY.minusDays(11).toString(), "ach"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("paid_on"));
        fp.rawAs("accountant").header(key, "p1").contentType("application/json").body(payment("1.00", TODAY.plusDays(1).toString(), "ach"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("paid_on"));
        fp.rawAs("accountant").contentType("application/json").body(payment("1.00", on, "ach")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        fp.as("accountant").header(key, "p1").contentType("application/json").body(payment("1.00", on, "ach"))
                .post("/bills/" + UUID.randomUUID() + "/payments").then().statusCode(404);
        fp.as("accountant").header(key, "p1").contentType("application/json").body(payment("1.00", on, "ach"))
                .post("/bills/nope/payments").then().statusCode(404);
        fp.as("accountant").header(key, "p1").contentType("application/json").body(payment("500.01", on, "ach")).post(path)
                .then().statusCode(409);
        for (String role : List.of("manager", "sales_agent")) {
            fp.rawAs(role).header(key, "p1").contentType("application/json").body(payment("1.00", on, "ach")).post(path).then().statusCode(403);
        }
        fp.asVendorUser(vendor).header(key, "p1").contentType("application/json").body(payment("1.00", on, "ach")).post(path)
                .then().statusCode(403);
        assertEquals(payments, fp.count("finance.bill_payment"));
        assertEquals(entries, fp.count("finance.journal_entry"));
        fp.as("manager").get("/bills/" + id).then().body("status", equalTo("open")).body("version", equalTo(1));
    }

    @Test
    void a_retry_under_the_same_key_answers_the_first_bill_or_payment_and_another_body_is_a_conflict() {
        String vendor = newVendor();
        var body = bill(vendor, "250.00", TODAY.toString(), TODAY.plusDays(30).toString());
        String key = UUID.randomUUID().toString();
        Response first = fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body).post("/bills");
        first.then().statusCode(201);
        // the retry is answered even while vendor-service is away
        fp.vendors.answer("/vendors/" + vendor, 503, FinancePlatform.problem(503, "down"));
        fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body).post("/bills")
                .then().statusCode(201).body("id", equalTo(first.path("id")));
        fp.vendorIs(vendor, "Coach Co");
        body.put("amount", new BigDecimal("250.01"));
        fp.as("accountant").header("Idempotency-Key", key).contentType("application/json").body(body).post("/bills")
                .then().statusCode(409).body("detail", containsString("Idempotency-Key"));
        assertEquals(1, fp.rows("select 1 from finance.bill where vendor_id = ?::uuid", vendor).size());
        // the same key is another caller's own
        body.put("amount", new BigDecimal("250.00"));
        fp.as("admin").header("Idempotency-Key", key).contentType("application/json").body(body).post("/bills").then().statusCode(201);

        String id = first.path("id");
        String pkey = UUID.randomUUID().toString();
        var p = payment("100.00", TODAY.toString(), "wire");
        Response paid = fp.as("accountant").header("Idempotency-Key", pkey).contentType("application/json").body(p).post("/bills/" + id + "/payments");
        paid.then().statusCode(201);
        fp.as("accountant").header("Idempotency-Key", pkey).contentType("application/json").body(p).post("/bills/" + id + "/payments")
                .then().statusCode(201).body("id", equalTo(paid.path("id"))).body("entry_id", equalTo(paid.path("entry_id")));
        p.put("method", "ach");
        fp.as("accountant").header("Idempotency-Key", pkey).contentType("application/json").body(p).post("/bills/" + id + "/payments")
                .then().statusCode(409);
        fp.as("manager").get("/bills/" + id).then().body("paid", equalTo(100.0f));
        assertEquals(1, fp.rows("select 1 from finance.bill_payment where bill_id = ?::uuid", id).size());
    }

    @Test
    void a_vendor_user_reads_only_its_own_vendors_bills() {
        String mine = newVendor();
        String theirs = newVendor();
        String myBill = newBill(mine, "100.00");
        String theirBill = newBill(theirs, "200.00");
        pay(theirBill, payment("50.00", TODAY.toString(), "ach")).then().statusCode(201);
        fp.asVendorUser(mine).get("/bills").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(myBill));
        // asking for another vendor's bills by filter finds none
        fp.asVendorUser(mine).queryParam("vendor_id", theirs).get("/bills").then().statusCode(200).body("total", equalTo(0));
        fp.asVendorUser(mine).get("/bills/" + myBill).then().statusCode(200).body("vendor_id", equalTo(mine));
        fp.asVendorUser(mine).get("/bills/" + myBill + "/payments").then().statusCode(200);
        fp.asVendorUser(mine).get("/bills/" + theirBill).then().statusCode(404);
        fp.asVendorUser(mine).get("/bills/" + theirBill + "/payments").then().statusCode(404);
        fp.asClientUser(UUID.randomUUID().toString()).get("/bills").then().statusCode(403);
        fp.asClientUser(UUID.randomUUID().toString()).get("/bills/" + myBill).then().statusCode(403);
        fp.rawAs("sales_agent").get("/bills").then().statusCode(403);
        fp.rawAs("dispatcher").get("/bills/" + myBill).then().statusCode(403);
    }

    @Test
    void bills_are_listed_by_bill_date_with_filters_and_keyset_pages() {
        String vendor = newVendor();
        String charter = UUID.randomUUID().toString();
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var body = bill(vendor, (i + 1) + "0.00", TODAY.minusDays(5 - i).toString(), TODAY.plusDays(30).toString());
            if (i % 2 == 0) body.put("charter_id", charter);
            Response r = create(body);
            r.then().statusCode(201);
            ids.add(r.path("id"));
        }
        pay(ids.get(1), payment("20.00", TODAY.toString(), "ach")).then().statusCode(201);
        pay(ids.get(2), payment("10.00", TODAY.toString(), "ach")).then().statusCode(201);

        Response page1 = fp.as("manager").queryParam("vendor_id", vendor).queryParam("limit", 2).get("/bills");
        page1.then().statusCode(200).body("total", equalTo(5)).body("items.id", equalTo(ids.subList(0, 2)));
        String next = page1.path("next");
        assertNotNull(next);
        Response page2 = fp.as("manager").queryParam("vendor_id", vendor).queryParam("limit", 2).queryParam("after", next).get("/bills");
        page2.then().statusCode(200).body("items.id", equalTo(ids.subList(2, 4)));
        fp.as("manager").queryParam("vendor_id", vendor).queryParam("limit", 2).queryParam("after", (String) page2.path("next")).get("/bills")
                .then().body("items.id", equalTo(ids.subList(4, 5))).body("next", equalTo(null));

        fp.as("manager").queryParam("vendor_id", vendor).queryParam("status", "paid").get("/bills").then().body("items.id", equalTo(List.of(ids.get(1))));
        fp.as("manager").queryParam("vendor_id", vendor).queryParam("status", "partially_paid").get("/bills")
                .then().body("items.id", equalTo(List.of(ids.get(2))));
        fp.as("manager").queryParam("vendor_id", vendor).queryParam("status", "open").get("/bills").then().body("total", equalTo(3));
        fp.as("manager").queryParam("charter_id", charter).get("/bills").then().body("items.id", equalTo(List.of(ids.get(0), ids.get(2), ids.get(4))));
        fp.as("manager").queryParam("vendor_id", vendor).queryParam("from", TODAY.minusDays(4).toString())
                .queryParam("to", TODAY.minusDays(2).toString()).get("/bills").then().body("items.id", equalTo(ids.subList(1, 4)));

        fp.rawAs("manager").queryParam("status", "void").get("/bills").then().statusCode(400);
        fp.rawAs("manager").queryParam("vendor_id", "x").get("/bills").then().statusCode(400);
        fp.rawAs("manager").queryParam("from", "2026-13-01").get("/bills").then().statusCode(400);
        fp.rawAs("manager").queryParam("limit", 500).get("/bills").then().statusCode(400);
        fp.rawAs("manager").queryParam("after", "garbage").get("/bills").then().statusCode(400);
        String invoicesCursor = fp.as("manager").queryParam("limit", 1).get("/ledger/entries").path("next");
        if (invoicesCursor != null) {
            fp.rawAs("manager").queryParam("after", invoicesCursor).get("/bills").then().statusCode(400).body("errors.field", hasItem("after"));
        }
    }

    @Test
    void five_payments_of_one_bill_at_once_that_together_exceed_it_never_over_pay_it() throws Exception {
        String vendor = newVendor();
        String id = newBill(vendor, "1000.00");
        var codes = Together.run(5, i -> pay(id, payment("300.00", TODAY.toString(), "ach")).statusCode());
        assertEquals(3, Collections.frequency(codes, 201), codes::toString);
        assertEquals(2, Collections.frequency(codes, 409), codes::toString);
        fp.as("manager").get("/bills/" + id).then().body("paid", equalTo(900.0f)).body("balance", equalTo(100.0f))
                .body("status", equalTo("partially_paid"));
        var paid = fp.rows("select sum(amount) as s, count(*) as n from finance.bill_payment where bill_id = ?::uuid", id);
        assertEquals(new BigDecimal("900.00"), paid.getFirst().get("s"));
        var ap = fp.rows("select sum(debit) as d from finance.journal_line where bill_id = ?::uuid and account_code = '2000'", id);
        assertEquals(new BigDecimal("900.00"), ap.getFirst().get("d"));
        fp.balances(TODAY);
    }

    @Test
    void a_bill_or_payment_dated_in_a_closed_period_is_409_and_writes_nothing() {
        // this class's other tests book in November 2026 only
        String vendor = newVendor();
        Response early = create(bill(vendor, "300.00", "2026-10-05", "2026-11-04"));
        early.then().statusCode(201);
        String id = early.path("id");
        fp.as("accountant").post("/periods/2026-10/close").then().statusCode(200);
        long bills = fp.count("finance.bill");
        long entries = fp.count("finance.journal_entry");
        create(bill(vendor, "10.00", "2026-10-31", "2026-11-30")).then().statusCode(409).body("detail", containsString("2026-10 is closed"));
        pay(id, payment("100.00", "2026-10-20", "check")).then().statusCode(409).body("detail", containsString("2026-10 is closed"));
        assertEquals(bills, fp.count("finance.bill"));
        assertEquals(entries, fp.count("finance.journal_entry"));
        fp.as("manager").get("/bills/" + id).then().body("paid", equalTo(0.0f)).body("status", equalTo("open"));
        pay(id, payment("100.00", "2026-11-02", "check")).then().statusCode(201);
    }
}
