package com.coachway.payment.balances;

import java.math.BigDecimal;
import java.util.UUID;

public record Balance(UUID charterId, String currency, BigDecimal total, BigDecimal paid, BigDecimal refunded,
                      BigDecimal outstanding) {
}
