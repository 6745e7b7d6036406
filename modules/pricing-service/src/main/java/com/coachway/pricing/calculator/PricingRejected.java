package com.coachway.pricing.calculator;

import com.coachway.common.http.FieldError;

import java.util.List;

/** The request cannot be priced from this catalogue; each error names the request field at fault. */
public final class PricingRejected extends RuntimeException {
    private final List<FieldError> errors;

    public PricingRejected(List<FieldError> errors) {
        super(errors.size() + " field(s) cannot be priced");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
