package com.m4s.platform.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for servers that bind them only later (Keycloak after ~20 s of start-up). Ports come from below
 * Linux's ephemeral range (32768-60999), which outgoing connections draw from: a port the system hands out with
 * {@code new ServerSocket(0)} can be taken by any client connection before the server binds it.
 */
public final class Ports {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private Ports() {
    }

    /** A port on 127.0.0.1 that nothing listens on now, outside the ephemeral range. */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }
}
