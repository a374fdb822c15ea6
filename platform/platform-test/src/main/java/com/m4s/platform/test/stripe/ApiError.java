package com.m4s.platform.test.stripe;

import com.google.gson.JsonObject;

/** An error answered the way Stripe answers it: an HTTP status and {@code {"error": {...}}}. */
final class ApiError extends RuntimeException {

    final int status;
    final JsonObject error;

    ApiError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        this.error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
        }
        error.addProperty("message", message);
        if (param != null) {
            error.addProperty("param", param);
        }
    }

    static ApiError invalid(String message, String param) {
        return new ApiError(400, "invalid_request_error", null, message, param);
    }

    static ApiError missingParam(String param) {
        return new ApiError(400, "invalid_request_error", "parameter_missing", "Missing required param: " + param + ".",
                param);
    }

    static ApiError noSuch(String type, String id, String param) {
        return new ApiError(404, "invalid_request_error", "resource_missing", "No such " + type + ": '" + id + "'",
                param);
    }

    static ApiError state(String code, String message) {
        return new ApiError(400, "invalid_request_error", code, message, null);
    }

    JsonObject body() {
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }
}
