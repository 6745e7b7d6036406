package com.coachway.changemgmt.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseStatusTest {
    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "submitted, under_review, true",
            "submitted, cancelled, true",
            "submitted, approved, false",
            "submitted, rejected, false",
            "submitted, implementing, false",
            "under_review, approved, true",
            "under_review, rejected, true",
            "under_review, cancelled, true",
            "under_review, under_review, false",
            "approved, implementing, true",
            "approved, cancelled, false",
            "approved, rejected, false",
            "rejected, implementing, false",
            "rejected, cancelled, false",
            "cancelled, under_review, false",
            "implementing, implemented, true",
            "implementing, implementation_failed, true",
            "implementing, implementing, false",
            "implementation_failed, implementing, true",
            "implementation_failed, cancelled, false",
            "implemented, implementing, false",
    })
    void theWorkflow(String from, String to, boolean allowed) {
        var f = CaseStatus.fromCode(from);
        var t = CaseStatus.fromCode(to);
        assertEquals(allowed, f.canMoveTo(t));
        assertEquals(!allowed, CaseStatus.refusal(f, t).isPresent());
        CaseStatus.refusal(f, t).ifPresent(why -> assertTrue(why.startsWith("The case is " + from + ":"), why));
    }
}
