package com.m4s.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the services behind the gateway: answers every request with 200 and a JSON body echoing what it
 * received ({@code method}, {@code path}, {@code authorization}: the only Authorization header or {@code null},
 * {@code authorizationCount}, and the headers of {@link #ECHOED} under their names). Its answers carry a
 * {@code Proxy-Authenticate} header, a hop-by-hop header the gateway must not pass on.
 */
public final class EchoServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Headers echoed under their own name (all values joined by commas), {@code null} when absent. */
    static final List<String> ECHOED = List.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
            "X-Forwarded-Port", "Forwarded", "Proxy-Authorization", "X-Secret");

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();

    private EchoServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static EchoServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4);
            EchoServer echo = new EchoServer(server, executor);
            server.createContext("/", echo::answer);
            server.setExecutor(executor);
            server.start();
            return echo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on (free a moment ago). */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        // counted on arrival, before the answer leaves: a test that reads the count after its response is back
        // must see its own request
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            List<String> authorization = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("authorization", authorization.size() == 1 ? authorization.getFirst() : null);
            echo.put("authorizationCount", authorization.size());
            for (String header : ECHOED) {
                List<String> values = exchange.getRequestHeaders().getOrDefault(header, List.of());
                echo.put(header, values.isEmpty() ? null : String.join(",", values));
            }
            byte[] body = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"downstream\"");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
