package com.coachway.sales.agents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentEligibilityTest {
    @Test
    void an_active_sales_agent_qualifies_whatever_else_it_holds() {
        assertTrue(AgentEligibility.refusal(true, List.of("sales_agent")).isEmpty());
        assertTrue(AgentEligibility.refusal(true, List.of("manager", "sales_agent")).isEmpty());
    }

    @Test
    void a_deactivated_user_does_not_even_with_the_role() {
        assertTrue(AgentEligibility.refusal(false, List.of("sales_agent")).orElseThrow().contains("deactivated"));
    }

    @Test
    void a_manager_or_any_other_role_alone_does_not() {
        assertEquals("does not hold the sales_agent role (it has manager)", AgentEligibility.refusal(true, List.of("manager")).orElseThrow());
        assertTrue(AgentEligibility.refusal(true, List.of("dispatcher", "accountant")).orElseThrow().contains("sales_agent"));
        assertTrue(AgentEligibility.refusal(true, List.of()).orElseThrow().contains("sales_agent"));
    }
}
