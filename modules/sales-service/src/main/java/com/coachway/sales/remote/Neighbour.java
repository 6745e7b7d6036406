package com.coachway.sales.remote;

import com.coachway.common.client.ServiceCallException;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;

import java.util.List;

/**
 * What a neighbour's failure means for our caller, who acts with their own token: down → 503;
 * a refusal of fields we passed on → 400 with the fields under {@code prefix}; a conflict → 409
 * with its detail; the caller's token refused there → 403; anything else is ours to fix (502).
 */
final class Neighbour {
    private Neighbour() {
    }

    static RuntimeException failure(ServiceCallException e, String prefix) {
        if (e.isUnavailable()) return e.unavailable();
        return switch (e.status()) {
            case 400 -> e.errors().isEmpty()
                    ? ApiException.validation(List.of(new FieldError(prefix, e.service() + ": " + e.detail())))
                    : ApiException.validation(e.errors().stream()
                            .map(f -> new FieldError(prefix + "." + f.field(), f.message())).toList());
            case 409 -> ApiException.conflict(e.service() + ": " + e.detail());
            case 401, 403 -> ApiException.forbidden(e.service() + " refused the caller: " + e.detail());
            default -> e;
        };
    }
}
