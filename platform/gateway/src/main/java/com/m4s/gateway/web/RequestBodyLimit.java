package com.m4s.gateway.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code m4s.gateway.max-body-size} with 413 {@code payload-too-large} before anything
 * else runs (authentication included): a declared {@code Content-Length} over the limit is refused unread, and a body
 * without one (chunked) is cut off when it passes the limit, answered 413 unless the service already answered.
 * Spring Cloud Gateway's own {@code RequestSize} filter checks only the declared length and answers without a body.
 * A multipart upload ({@code multipart/form-data}: photos) has its own, larger limit.
 */
public final class RequestBodyLimit implements WebFilter, Ordered {

    public static final String PAYLOAD_TOO_LARGE = Problems.TYPE_BASE + "payload-too-large";

    private final long maxBodyBytes;
    private final long maxUploadBytes;

    public RequestBodyLimit(DataSize max) {
        this(max, max);
    }

    public RequestBodyLimit(DataSize max, DataSize maxUpload) {
        this.maxBodyBytes = max.toBytes();
        this.maxUploadBytes = Math.max(max.toBytes(), maxUpload.toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        org.springframework.http.MediaType type = request.getHeaders().getContentType();
        long maxBytes = type != null && org.springframework.http.MediaType.MULTIPART_FORM_DATA.includes(type)
                ? maxUploadBytes : maxBodyBytes;
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return refuse(exchange, maxBytes);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new TooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(TooLarge.class, e -> refuse(exchange, maxBytes));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long maxBytes) {
        exchange.getResponse().getHeaders().set("Connection", "close");
        return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE,
                Problems.detail(PAYLOAD_TOO_LARGE, String.valueOf(maxBytes)), Map.of());
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100)
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** The body passed the limit while it streamed. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
