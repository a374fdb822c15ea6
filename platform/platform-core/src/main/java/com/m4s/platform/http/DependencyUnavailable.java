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

    DependencyUnavailable(String dependency, String detail, @Nullable Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", detail);
        this.dependency = dependency;
        with("dependency", dependency);
        initCause(cause);
    }

    /** The client name of the dependency, e.g. {@code store-console}, {@code keycloak-admin}. */
    public String dependency() {
        return dependency;
    }

    static DependencyUnavailable of(String dependency, OutboundHttpProperties.Client settings, Exception e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new DependencyUnavailable(dependency, dependency + " could not be reached: no connection within "
                    + millis(settings.connectTimeout()), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new DependencyUnavailable(dependency, dependency + " did not answer within "
                    + millis(settings.readTimeout()), e);
        }
        return new DependencyUnavailable(dependency, dependency + " could not be reached: " + rootMessage(e), e);
    }

    static DependencyUnavailable answered(String dependency, int status, String body, @Nullable Exception e) {
        return new DependencyUnavailable(dependency, dependency + " answered " + status
                + (body.isBlank() ? "" : ": " + body), e);
    }

    static DependencyUnavailable noToken(String dependency, Exception e) {
        return new DependencyUnavailable(dependency, dependency + " could not be reached: no service token ("
                + rootMessage(e) + ")", e);
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
