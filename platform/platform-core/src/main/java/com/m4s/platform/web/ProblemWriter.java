package com.m4s.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for filters and handlers that run outside Spring MVC's advice; in the
 * request's language, as the advice does.
 */
public class ProblemWriter {

    private final JsonMapper json;
    private final ProblemMessages messages;

    public ProblemWriter(JsonMapper json, ProblemMessages messages) {
        this.json = json;
        this.messages = messages;
    }

    /** A problem whose detail is {@code problem.<type>.detail} with these arguments. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            Object... arguments) throws IOException {
        write(request, response, status, type, Problems.detail(type, arguments));
    }

    /** A problem with the given detail, e.g. a {@link Problems#variant variant} of the type's. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            MessageSourceResolvable detail) throws IOException {
        Locale language = Languages.of(request);
        write(response, messages.problem(status, type, detail, language), language);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, Locale language) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        json.writeValue(response.getOutputStream(), problem);
    }
}
