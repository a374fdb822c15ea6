package com.m4s.platform.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client that talks to a running service as any client would: tests, demo data, benchmarks. */
public final class Api {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final String language;

    /** A response: status, content type and body (parsed when it is JSON). */
    public record Response(int status, String contentType, String raw, JsonNode json) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The last segment of the problem type, e.g. {@code plate-taken}. */
        public String problemType() {
            String type = json.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

    }

    public Api(String base) {
        this(base, "", "");
    }

    private Api(String base, String token, String language) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.language = language;
    }

    /** The same client, sending {@code Authorization: Bearer <token>} (an empty token sends none). */
    public Api withToken(String accessToken) {
        return new Api(base, accessToken, language);
    }

    /**
     * The same client, asking for answers in this language ({@code Accept-Language}, e.g. {@code en}); without one,
     * as by default, the services answer in Chinese.
     */
    public Api withLanguage(String acceptLanguage) {
        return new Api(base, token, acceptLanguage);
    }

    /** Any request, e.g. for endpoints enumerated at run time; a body is sent as JSON when not null. */
    public Response send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with more request headers. */
    public Response get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    /** A POST with more request headers, e.g. {@code Idempotency-Key}. */
    public Response post(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
        headers.forEach(request::header);
        return send(request);
    }

    public Response put(String path, Object body) {
        return put(path, body, java.util.Map.of());
    }

    /** A PUT with more request headers, e.g. {@code If-Match}. */
    public Response put(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
        headers.forEach(request::header);
        return send(request);
    }

    public Response patch(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
    }

    /** A multipart/form-data POST of one file in part {@code part}, as a browser's file input sends it. */
    public Response upload(String path, String part, String fileName, String contentType, byte[] content) {
        String boundary = "m4s-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A binary answer (a picture): status, headers and bytes. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** A GET whose answer is kept as bytes. */
    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            if (!token.isEmpty()) {
                request.header("Authorization", "Bearer " + token);
            }
            if (!language.isEmpty()) {
                request.header("Accept-Language", language);
            }
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String raw = response.body();
            JsonNode json = type.contains("json") && !raw.isEmpty() ? JSON.readTree(raw) : JSON.missingNode();
            return new Response(response.statusCode(), type, raw, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
