package com.coachway.finance.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An aging report as the store computes it: one row per client or vendor, the totals, the control account. */
public record Aging(LocalDate asOf, List<Party> parties, Buckets totals, BigDecimal controlBalance) {
    /** A client or vendor with an open balance on the day. */
    public record Party(UUID id, String name, Buckets buckets) {
    }

    /** The AR shape of the contract (ArAging). */
    public record Receivable(LocalDate asOf, List<ClientRow> clients, Buckets totals, BigDecimal arControlBalance) {
    }

    public record ClientRow(UUID clientId, String clientName, @JsonUnwrapped Buckets buckets) {
    }

    /** The AP shape of the contract (ApAging). */
    public record Payable(LocalDate asOf, List<VendorRow> vendors, Buckets totals, BigDecimal apControlBalance) {
    }

    public record VendorRow(UUID vendorId, String vendorName, @JsonUnwrapped Buckets buckets) {
    }

    public Receivable receivable() {
        return new Receivable(asOf, parties.stream().map(p -> new ClientRow(p.id(), p.name(), p.buckets())).toList(), totals, controlBalance);
    }

    public Payable payable() {
        return new Payable(asOf, parties.stream().map(p -> new VendorRow(p.id(), p.name(), p.buckets())).toList(), totals, controlBalance);
    }
}
