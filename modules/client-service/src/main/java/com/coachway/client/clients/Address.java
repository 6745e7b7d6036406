package com.coachway.client.clients;

/** A billing address. Only line1, city and country are required everywhere (see {@link AddressRule}). */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {
}
