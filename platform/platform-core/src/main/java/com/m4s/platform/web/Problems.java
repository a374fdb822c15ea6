package com.m4s.platform.web;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem type URIs and titles: one naming rule for every service. */
public final class Problems {

    public static final String BASE = "https://m4s.dev/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** {@code plate-taken} becomes {@code Plate taken}. */
    public static String title(String slug) {
        String words = Arrays.stream(slug.split("-")).collect(Collectors.joining(" "));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title(slug));
        return problem;
    }
}
