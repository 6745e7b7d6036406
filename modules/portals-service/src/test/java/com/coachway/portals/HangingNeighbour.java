package com.coachway.portals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A neighbour that accepts every connection and never answers: a service that hangs. Connections
 * are held open until {@link #close()}, so only the caller's own timeout ends a call.
 */
final class HangingNeighbour implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    HangingNeighbour() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many connections it has taken (and left unanswered). */
    int connections() {
        return held.size();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket s : held) s.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
