package com.coachway.common.http;

import io.javalin.Javalin;
import org.slf4j.LoggerFactory;

import java.util.List;

/** A started service: its port, and one close() that stops HTTP first, then its resources. */
public final class RunningService implements AutoCloseable {
    private final String name;
    private final Javalin app;
    private final List<AutoCloseable> resources;

    public RunningService(String name, Javalin app, List<AutoCloseable> resources) {
        this.name = name;
        this.app = app;
        this.resources = resources;
    }

    /** Builds nothing itself: starts the app on the port (0 = any free port). */
    public static RunningService start(String name, Javalin app, int port, AutoCloseable... resources) {
        app.start(port);
        return new RunningService(name, app, List.of(resources));
    }

    public String name() {
        return name;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(RunningService.class).warn("closing {} of {} failed", r, name, e);
            }
        }
    }

    /** For main(): stop cleanly on Ctrl-C / SIGTERM. */
    public RunningService closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-shutdown"));
        return this;
    }
}
