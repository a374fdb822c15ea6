package com.m4s.platform.test.stripe;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the fixture: status, content type, body and extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Response json(int status, JsonObject json) {
        return new Response(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>());
    }

    static Response redirect(String location) {
        Response response = new Response(303, "text/plain", new byte[0], new LinkedHashMap<>());
        response.headers().put("Location", location);
        return response;
    }
}
