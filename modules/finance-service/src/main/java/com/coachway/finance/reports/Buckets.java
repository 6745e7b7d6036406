package com.coachway.finance.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** An open balance split by days past due (≤ 0 is current), and its total. */
public record Buckets(BigDecimal current,
                      @JsonProperty("1_30") BigDecimal days1To30,
                      @JsonProperty("31_60") BigDecimal days31To60,
                      @JsonProperty("61_90") BigDecimal days61To90,
                      @JsonProperty("over_90") BigDecimal over90,
                      BigDecimal total) {
}
