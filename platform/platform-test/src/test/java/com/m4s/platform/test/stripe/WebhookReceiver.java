package com.m4s.platform.test.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/** A tiny endpoint that records what the fixture posts and answers the status a test chooses per request. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String payload, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator status = n -> 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/stripe/webhook", exchange -> {
            try (exchange) {
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (received) {
                    received.add(new Received(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
                }
                exchange.sendResponseHeaders(status.applyAsInt(count.incrementAndGet()), -1);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/stripe/webhook";
    }

    /** The status answered to the n-th request (1-based). */
    void answer(IntUnaryOperator byRequestNumber) {
        status = byRequestNumber;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    Received firstOfType(String type) {
        return received().stream().filter(r -> type.equals(typeOf(r))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " received; got " + types()));
    }

    List<String> types() {
        List<String> types = new ArrayList<>();
        for (Received r : received()) {
            types.add(typeOf(r));
        }
        return types;
    }

    static String typeOf(Received r) {
        return com.google.gson.JsonParser.parseString(r.payload()).getAsJsonObject().get("type").getAsString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
