package com.coachway.finance.ledger;

import java.util.UUID;

/**
 * What a journal line is about, so reports group and filter lines in SQL: the client, vendor,
 * charter, invoice and bill it belongs to (any may be null). Built by withers:
 * {@code Dims.client(c).charter(ch).invoice(i)}.
 */
public record Dims(UUID clientId, UUID vendorId, UUID charterId, UUID invoiceId, UUID billId) {
    public static final Dims NONE = new Dims(null, null, null, null, null);

    public static Dims none() {
        return NONE;
    }

    public static Dims client(UUID clientId) {
        return NONE.withClient(clientId);
    }

    public static Dims vendor(UUID vendorId) {
        return NONE.withVendor(vendorId);
    }

    public Dims withClient(UUID id) {
        return new Dims(id, vendorId, charterId, invoiceId, billId);
    }

    public Dims withVendor(UUID id) {
        return new Dims(clientId, id, charterId, invoiceId, billId);
    }

    public Dims withCharter(UUID id) {
        return new Dims(clientId, vendorId, id, invoiceId, billId);
    }

    public Dims withInvoice(UUID id) {
        return new Dims(clientId, vendorId, charterId, id, billId);
    }

    public Dims withBill(UUID id) {
        return new Dims(clientId, vendorId, charterId, invoiceId, id);
    }
}
