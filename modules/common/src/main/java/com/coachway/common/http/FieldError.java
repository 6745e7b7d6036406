package com.coachway.common.http;

/** One invalid input field in a 400 problem: the field's path (e.g. billing_address.city) and what is wrong. */
public record FieldError(String field, String message) {
}
