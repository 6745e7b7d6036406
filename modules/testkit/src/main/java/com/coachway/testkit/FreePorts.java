package com.coachway.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for services that must know each other's address before any of them starts.
 *
 * <p>A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range, the same range
 * every outgoing connection (JDBC, HTTP clients, JWKS fetches) takes its local port from; between
 * handing such a port out and the service binding it, one of those connections can take it
 * ("port already in use", seen in CI). Ports below the ephemeral range are never given to outgoing
 * connections, so only another listener could take one, and each is checked free when handed out.
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    public static int next() {
        int[] range = ephemeralRange();
        // Below the ephemeral range, else above it; a machine whose range leaves no room for either
        // gets kernel-chosen ports and the (small) race this class otherwise avoids.
        int low = range[0] > LOWEST + 1_000 ? LOWEST : range[1] + 1;
        int high = range[0] > LOWEST + 1_000 ? range[0] : 65_536;
        if (high - low < 1_000) return kernelChosen();
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = random.nextInt(low, high);
            if (handedOut.contains(port) || !bindable(port)) continue;
            if (handedOut.add(port)) return port;
        }
        throw new IllegalStateException("no free port found between " + low + " and " + high);
    }

    private static int kernelChosen() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux publishes the range; elsewhere the common Linux default is assumed. */
    private static int[] ephemeralRange() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }
}
