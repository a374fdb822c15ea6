package com.m4s.platform.http;

import com.m4s.platform.web.ApiException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * 503: a service or outside API this request needs did not answer in time, could not be reached, failed (5xx) or
 * gave no token. Problem type {@code dependency-unavailable}; member {@code dependency} names it. Nothing was
 * changed on our side by the failed call; retrying later is the caller's choice.
 */
public class DependencyUnavailable extends ApiException {

    private final String dependency;

    DependencyUnavailable(String dependency, String reason, @Nullable Throwable cause, Object... arguments) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", arguments);
        this.dependency = dependency;
        variant(reason);
        with("dependency", dependency);
        initCause(cause);
    }

    /** The client name of the dependency, e.g. {@code store-console}, {@code keycloak-admin}. */
    public String dependency() {
        return dependency;
    }

    static DependencyUnavailable of(String dependency, OutboundHttpProperties.Client settings, Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new DependencyUnavailable(dependency, "no-connection", e, dependency,
                    millis(settings.connectTimeout()));
        }
        if (e instanceof HttpTimeoutException) {
            return new DependencyUnavailable(dependency, "no-answer", e, dependency, millis(settings.readTimeout()));
        }
        return new DependencyUnavailable(dependency, "unreachable", e, dependency, rootMessage(e));
    }

    /** The dependency could not be reached, for a client not made by {@link OutboundHttp} (Stripe's own). */
    public static DependencyUnavailable unreachable(String dependency, Exception e) {
        return new DependencyUnavailable(dependency, "unreachable", e, dependency, rootMessage(e));
    }

    /** The dependency answered with a failure, for a client not made by {@link OutboundHttp}. */
    public static DependencyUnavailable answered(String dependency, int status, String body, @Nullable Exception e) {
        return body.isBlank() ? new DependencyUnavailable(dependency, "answered", e, dependency, String.valueOf(status))
                : new DependencyUnavailable(dependency, "answered-with", e, dependency, String.valueOf(status), body);
    }

    static DependencyUnavailable noToken(String dependency, Exception e) {
        return new DependencyUnavailable(dependency, "no-token", e, dependency, rootMessage(e));
    }

    /**
     * Why {@code e} failed, as the argument of another problem's detail: the detail of the failed call among its
     * causes (a text in the caller's language), else its message.
     */
    public static Object reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailable unavailable) {
                return unavailable.detail();
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String millis(Duration d) {
        return String.valueOf(d.toMillis());
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
