package com.m4s.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies for the answers the gateway gives itself, in the request's
 * language as the services do (platform-core {@code Languages}): Chinese without {@code Accept-Language} or for a
 * language the platform does not speak, English for {@code en}. Texts are in {@code i18n/gateway/messages*.properties},
 * keyed {@code problem.<type>.title} and {@code problem.<type>.detail[.<variant>]}.
 */
public final class Problems {

    /** Prefix of every problem type the platform defines. */
    public static final String TYPE_BASE = "https://m4s.dev/problems/";
    public static final String UNAUTHENTICATED = TYPE_BASE + "unauthenticated";
    public static final String ACCESS_DENIED = TYPE_BASE + "access-denied";
    public static final String RATE_LIMITED = TYPE_BASE + "rate-limited";
    public static final String SERVICE_UNAVAILABLE = TYPE_BASE + "service-unavailable";
    public static final String SERVICE_TIMEOUT = TYPE_BASE + "service-timeout";

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> LANGUAGES = List.of(CHINESE, Locale.ENGLISH);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResourceBundleMessageSource MESSAGES = messages();
    private static final AcceptHeaderLocaleContextResolver LANGUAGE = language();

    private Problems() {
    }

    /** The detail {@code problem.<type>.detail} with its arguments; {@code type} is the full type URI. */
    public static MessageSourceResolvable detail(String type, Object... arguments) {
        return text("problem." + slug(type) + ".detail", arguments);
    }

    /** One of the details of a type given for several reasons, {@code problem.<type>.detail.<variant>}. */
    public static MessageSourceResolvable variant(String type, String variant, Object... arguments) {
        return text("problem." + slug(type) + ".detail." + variant, arguments);
    }

    /**
     * Sets the status, writes the problem and completes the response. Headers set on the response before (such as
     * {@code WWW-Authenticate} or {@code Retry-After}) are kept.
     *
     * @param extensions further members of the problem object (may be empty)
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type,
            MessageSourceResolvable detail, Map<String, ?> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Locale locale = language(exchange);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", message(text("problem." + slug(type) + ".title"), locale));
        problem.put("status", status.value());
        problem.put("detail", message(detail, locale));
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extensions);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static Locale language(ServerWebExchange exchange) {
        try {
            Locale locale = LANGUAGE.resolveLocaleContext(exchange).getLocale();
            return locale == null ? CHINESE : locale;
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
    }

    private static String message(MessageSourceResolvable text, Locale locale) {
        try {
            return MESSAGES.getMessage(text, locale);
        } catch (NoSuchMessageException e) {
            return text.getCodes() == null ? "" : text.getCodes()[0];
        }
    }

    private static MessageSourceResolvable text(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments.length == 0 ? null : arguments);
    }

    private static String slug(String type) {
        return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/gateway/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static AcceptHeaderLocaleContextResolver language() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(LANGUAGES);
        resolver.setDefaultLocale(CHINESE);
        return resolver;
    }
}
