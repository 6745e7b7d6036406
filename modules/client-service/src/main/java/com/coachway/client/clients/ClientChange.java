package com.coachway.client.clients;

import java.math.BigDecimal;

/**
 * A PATCH of a client as read from the request. A null field was absent and keeps its value; phone,
 * billing address and notes may also be cleared by an explicit null, so for them the request says
 * whether they were given at all.
 */
public record ClientChange(String name, String type, String email,
                           boolean phoneGiven, String phone,
                           boolean billingAddressGiven, Address billingAddress,
                           Integer paymentTermsDays, BigDecimal creditLimit, Boolean taxExempt,
                           boolean notesGiven, String notes,
                           String status) {

    /** The client's data after this change. */
    ClientStore.Data applyTo(ClientStore.Data b) {
        return new ClientStore.Data(
                name != null ? name : b.name(),
                type != null ? type : b.type(),
                email != null ? email : b.email(),
                phoneGiven ? phone : b.phone(),
                billingAddressGiven ? billingAddress : b.billingAddress(),
                paymentTermsDays != null ? paymentTermsDays : b.paymentTermsDays(),
                creditLimit != null ? creditLimit : b.creditLimit(),
                taxExempt != null ? taxExempt : b.taxExempt(),
                notesGiven ? notes : b.notes(),
                status != null ? status : b.status());
    }

    /** Whether the change gives the client another email than {@code current} (case aside, as the unique index). */
    boolean changesEmail(String current) {
        return email != null && !email.equalsIgnoreCase(current);
    }
}
