package com.m4s.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the platform answers in: Chinese (zh-CN) and English. A request names its language in
 * {@code Accept-Language}; without the header, or when it names neither language, the answer is in Chinese. The
 * gateway applies the same rule to the problems it writes itself.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private static final AcceptHeaderLocaleResolver RESOLVER = resolver();

    private Languages() {
    }

    /** The rule as Spring MVC's locale resolver: messages, validation and problems all follow it. */
    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }

    /** The language of the answer to this request; {@code en-US} is English, {@code fr} or {@code zh-TW} Chinese. */
    public static Locale of(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }
}
