package com.m4s.platform.idempotency;

import com.m4s.platform.security.Open;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.function.Predicate;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Which requests honour {@code Idempotency-Key}: every {@code POST} under {@code /api/} by an authenticated caller,
 * that is, every call that creates or moves something. Endpoints marked {@link Open} do not: without a caller there
 * is no one to keep the answer for. The filter and the API documentation use the same rule.
 */
public final class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    private IdempotentRequests() {
    }

    static boolean applies(HttpServletRequest request, Predicate<HttpServletRequest> open) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith("/api/") && !open.test(request);
    }

    /** For the API documentation: whether this handler honours the header. */
    public static boolean honouredBy(HandlerMethod handler) {
        if (handler.hasMethodAnnotation(Open.class)) {
            return false;
        }
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.asList(mapping.method()).contains(RequestMethod.POST);
    }

    /** 1 to 255 visible ASCII characters (a UUID is the usual choice). */
    static boolean isWellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
