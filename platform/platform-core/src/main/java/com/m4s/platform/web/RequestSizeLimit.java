package com.m4s.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit with 413 {@code payload-too-large}, before authentication or any
 * controller sees them: a declared {@code Content-Length} over the limit is refused unread; a body without one
 * (chunked) is read up to one byte over the limit and refused when it gets there, or handed on from memory.
 * A multipart upload ({@code multipart/form-data}, photos) has its own, larger limit.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    static final String TYPE = "payload-too-large";

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final ProblemWriter problems;

    public RequestSizeLimit(DataSize max, ProblemWriter problems) {
        this(max, max, problems);
    }

    public RequestSizeLimit(DataSize max, DataSize maxUpload, ProblemWriter problems) {
        this.maxBodyBytes = max.toBytes();
        this.maxUploadBytes = Math.max(max.toBytes(), maxUpload.toBytes());
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long maxBytes = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                ? maxUploadBytes : maxBodyBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(request, response, maxBytes);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes)
            throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TYPE, Problems.variant(TYPE, "service",
                maxBytes));
    }
}
