package com.coachway.changemgmt.cases;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientNoticeTest {
    @Test
    void theClientHearsOfTheOutcomesOnly() {
        assertEquals(Optional.of("approved"), ClientNotice.status(CaseStatus.APPROVED));
        assertEquals(Optional.of("rejected"), ClientNotice.status(CaseStatus.REJECTED));
        assertEquals(Optional.of("implemented"), ClientNotice.status(CaseStatus.IMPLEMENTED));
        for (CaseStatus quiet : new CaseStatus[]{CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW, CaseStatus.CANCELLED,
                CaseStatus.IMPLEMENTING, CaseStatus.IMPLEMENTATION_FAILED}) {
            assertEquals(Optional.empty(), ClientNotice.status(quiet), quiet.code());
        }
    }

    @Test
    void theEmailLeavesNoHoleInTheTemplate() {
        var e = ClientNotice.email("ops@example.com", null, "CW-2027-00001", "rejected", null);
        assertEquals("email", e.channel());
        assertEquals("change_request_update", e.templateCode());
        assertEquals(new ClientNotice.Data("", "CW-2027-00001", "rejected", ""), e.data());
        assertEquals("too late", ClientNotice.email("a@b.c", "Ann", "CW-1", "rejected", "too late").data().comment());
    }
}
