package com.coachway.changemgmt.remote;

import com.coachway.common.http.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalTest {
    private static Charters.Refusal refusal(int status, String type) {
        return new Charters.Refusal(status, type, "detail", List.of());
    }

    @Test
    void aVersionConflictAnOutageAndTooManyRequestsAreTriedAgain() {
        assertTrue(refusal(409, Problems.VERSION_CONFLICT).retryable());
        assertTrue(refusal(503, null).retryable());
        assertTrue(refusal(500, "about:blank").retryable());
        assertTrue(refusal(429, null).retryable());
    }

    @Test
    void anyOtherConflictOrBadRequestIsNoForGood() {
        assertFalse(refusal(409, Problems.CONFLICT).retryable(), "e.g. vehicles assigned to the charter's lines");
        assertFalse(refusal(409, null).retryable());
        assertFalse(refusal(400, Problems.VERSION_CONFLICT).retryable());
        assertFalse(refusal(404, null).retryable());
    }
}
