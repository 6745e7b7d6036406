package com.coachway.dispatch.access;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Problems;

import java.util.List;

/**
 * The 409 for a broken dispatch rule (qualification, overlap, hours of service, state): its
 * detail starts with the rule's code, and its one error names the field the rule is about with
 * the code as message, so a client can tell the rules apart without parsing prose.
 */
public final class RuleConflict {
    private RuleConflict() {
    }

    public static ApiException of(String field, String rule, String detail) {
        return new ApiException(409, Problems.CONFLICT, "Conflict", rule + ": " + detail, List.of(new FieldError(field, rule)));
    }
}
