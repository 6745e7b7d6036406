package com.coachway.common.http;

/** One dependency's health for /health; a check that throws counts as down. */
@FunctionalInterface
public interface HealthCheck {
    Result check() throws Exception;

    record Result(boolean up, String detail) {
        public static Result up(String detail) { return new Result(true, detail); }
        public static Result down(String detail) { return new Result(false, detail); }
    }
}
