package com.m4s.platform.test;

import com.m4s.platform.security.Open;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The gateway's list of a service's endpoints open without a token
 * ({@code platform/gateway/src/main/resources/open-endpoints/<service>.txt}), compared with the endpoints the
 * service marks {@link Open}, read from its controllers. With {@code -Dm4s.open-endpoints.write=true} the file is
 * rewritten first (then commit it), as the OpenAPI snapshots are.
 */
public final class OpenEndpointFile {

    public static final String REWRITE = "m4s.open-endpoints.write";
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private OpenEndpointFile() {
    }

    /** {@code METHOD pattern} of every {@link Open} handler in the controllers under the packages, sorted. */
    public static List<String> openEndpoints(String... packages) {
        AnnotationTypeFilter controllers = new AnnotationTypeFilter(Controller.class);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            // every controller whatever its conditions: one that exists only in some configurations is open there
            @Override
            protected boolean isCandidateComponent(org.springframework.core.type.classreading.MetadataReader reader)
                    throws java.io.IOException {
                return controllers.match(reader, getMetadataReaderFactory());
            }
        };
        List<String> open = new ArrayList<>();
        for (String pkg : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(pkg)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Open.class)) {
                        add(open, type, method);
                    }
                }
            }
        }
        return open.stream().distinct().sorted().toList();
    }

    private static void add(List<String> open, Class<?> type, Method method) {
        @Nullable RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
        RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (onMethod == null) {
            throw new IllegalStateException(method + " is @Open but no request mapping");
        }
        if (onMethod.method().length == 0) {
            throw new IllegalStateException(method + " is @Open for every HTTP method; name the method");
        }
        String[] prefixes = onType == null || onType.path().length == 0 ? new String[] {""} : onType.path();
        String[] paths = onMethod.path().length == 0 ? new String[] {""} : onMethod.path();
        for (String prefix : prefixes) {
            for (String path : paths) {
                for (RequestMethod m : onMethod.method()) {
                    open.add(m.name() + " " + PATHS.combine(prefix, path));
                }
            }
        }
    }

    /**
     * Fails unless the gateway's file for {@code service} lists exactly {@code open}.
     *
     * @return the endpoints the file lists
     */
    public static List<String> check(String service, List<String> open) throws IOException {
        Path file = Path.of(System.getProperty("m4s.home", "..")).resolve(
                "platform/gateway/src/main/resources/open-endpoints/" + service + ".txt");
        if (Boolean.getBoolean(REWRITE)) {
            StringBuilder text = new StringBuilder()
                    .append("# Endpoints of ").append(service).append(" marked @Open: the gateway lets them through"
                            + " without a token (method and path pattern).\n")
                    .append("# Written and checked by ").append(service)
                    .append("'s OpenEndpointListTest; do not edit by hand.\n");
            open.forEach(e -> text.append(e).append('\n'));
            Files.writeString(file, text);
        }
        if (!Files.exists(file)) {
            throw new AssertionError(file + " is missing; " + howToRefresh(service));
        }
        List<String> listed = Files.readString(file).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        if (!listed.equals(open)) {
            throw new AssertionError("the gateway opens " + listed + " of " + service + " without a token, but its @Open"
                    + " endpoints are " + open + "; " + howToRefresh(service));
        }
        return listed;
    }

    private static String howToRefresh(String service) {
        return "refresh it with `./mvnw -pl " + service + " -am verify -Dtest=OpenEndpointListTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REWRITE + "=true` and commit it";
    }
}
