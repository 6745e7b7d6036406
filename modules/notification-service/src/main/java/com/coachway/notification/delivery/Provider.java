package com.coachway.notification.delivery;

/**
 * Sends one message through one provider. Returning means accepted, with the provider's id of
 * the message; throwing {@link ProviderException} says whether trying again can help. It runs
 * outside any transaction and holds no lock; its client's timeouts bound it well under the lease.
 */
public interface Provider {
    String name();

    String send(Outbound message) throws ProviderException;
}
