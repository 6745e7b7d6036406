package com.coachway.testkit;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Requests that really collide: each call gets its own thread, and a barrier releases them all at
 * the same moment, so a race the code must win is actually run rather than queued one by one.
 */
public final class Together {
    private Together() {
    }

    /** Runs the calls at the same moment and returns their results, in the order of the calls. */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        var barrier = new CyclicBarrier(calls.size());
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            var futures = calls.stream().map(call -> pool.submit(() -> {
                barrier.await();
                return call.call();
            })).toList();
            var results = new ArrayList<T>();
            for (var f : futures) results.add(f.get());
            return results;
        }
    }

    /** {@code n} calls of {@code call(i)} at the same moment. */
    public static <T> List<T> run(int n, IntFunction<T> call) throws Exception {
        var calls = new ArrayList<Callable<T>>();
        for (int i = 0; i < n; i++) {
            int k = i;
            calls.add(() -> call.apply(k));
        }
        return run(calls);
    }

    /** The status codes of requests sent at the same moment, in the order of the calls. */
    public static List<Integer> statusCodes(List<Callable<Response>> calls) throws Exception {
        return run(calls).stream().map(Response::statusCode).toList();
    }
}
