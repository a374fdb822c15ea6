package com.m4s.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The texts of problem responses, in the caller's language ({@link Languages}). Every module keeps its texts in
 * {@code i18n/<module>/messages.properties} (English) and {@code messages_zh_CN.properties} (Chinese), keyed by
 * problem type: {@code problem.<type>.title}, {@code problem.<type>.detail} with {@code {0}}-style arguments. The
 * bundles of every module on the classpath make up the service's one {@link MessageSource}; bean validation reads
 * its {@code {key}} messages from it too. A key may be defined by one module only.
 */
public final class ProblemMessages {

    /** Where the modules' bundles are found; the folder name is the module's. */
    public static final String BUNDLES = "classpath*:i18n/*/messages.properties";

    private static final Logger log = LoggerFactory.getLogger(ProblemMessages.class);

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem of the given type: title and detail in the language of {@code locale}. */
    public ProblemDetail problem(HttpStatusCode status, String type, MessageSourceResolvable detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detail, locale));
        problem.setType(Problems.type(type));
        problem.setTitle(text(Problems.title(type), locale));
        return problem;
    }

    /** The text in the language of {@code locale}; a missing key is logged and shown as the key. */
    public String text(MessageSourceResolvable message, Locale locale) {
        try {
            return messages.getMessage(message, locale);
        } catch (NoSuchMessageException e) {
            String[] codes = message.getCodes();
            String key = codes == null || codes.length == 0 ? "?" : codes[0];
            log.warn("no text for message {} in {}", key, locale);
            return key;
        }
    }

    /** The texts of every module's bundle on the classpath, outside an application context (tests, say). */
    public static ProblemMessages onClasspath() {
        return new ProblemMessages(messageSource(ProblemMessages.class.getClassLoader()));
    }

    /** The English text, for exception messages and logs. */
    static String english(MessageSourceResolvable message) {
        return English.MESSAGES.text(message, Languages.ENGLISH);
    }

    /**
     * One message source over every module's bundle on the classpath (UTF-8; a language without an entry falls back
     * to English, never to the server's own locale).
     */
    public static ResourceBundleMessageSource messageSource(ClassLoader classLoader) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBeanClassLoader(classLoader);
        source.setBasenames(basenames(classLoader).toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The bundles' base names, e.g. {@code i18n/platform-core/messages}, sorted; a key in two bundles fails. */
    static List<String> basenames(ClassLoader classLoader) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(classLoader).getResources(BUNDLES);
            Map<String, String> owners = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (Resource resource : found) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/i18n/");
                String name = url.substring(at + 1, url.length() - ".properties".length());
                if (names.contains(name)) {
                    continue;
                }
                names.add(name);
                for (String key : keys(resource)) {
                    String previous = owners.putIfAbsent(key, name);
                    if (previous != null) {
                        throw new IllegalStateException("message " + key + " is defined twice: in " + previous
                                + " and in " + name);
                    }
                }
            }
            return names.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream().toList();
    }

    private static final class English {
        static final ProblemMessages MESSAGES = onClasspath();
    }
}
