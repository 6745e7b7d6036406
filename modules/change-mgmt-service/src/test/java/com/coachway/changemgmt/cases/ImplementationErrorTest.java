package com.coachway.changemgmt.cases;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ImplementationErrorTest {
    @Test
    void theReasonAfterTheLastAttemptIsTheMessageWithoutTheExceptionsClass() {
        assertEquals("charter-service answered 409: stale", CaseActions.withoutExceptionClass(
                "java.lang.IllegalStateException: charter-service answered 409: stale"));
        assertEquals("charter-service answered 503; try again shortly", CaseActions.withoutExceptionClass(
                "com.coachway.common.http.ApiException: charter-service answered 503; try again shortly"));
        assertEquals("the lease of attempt 2 ran out: java.lang.IllegalStateException: x",
                CaseActions.withoutExceptionClass("the lease of attempt 2 ran out: java.lang.IllegalStateException: x"));
        assertNull(CaseActions.withoutExceptionClass(null));
    }
}
