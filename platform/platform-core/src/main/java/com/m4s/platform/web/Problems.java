package com.m4s.platform.web;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Problem type URIs and the keys of their texts: one naming rule for every service. A type {@code plate-taken} has
 * the title {@code problem.plate-taken.title} and the detail {@code problem.plate-taken.detail}; a type given for
 * more than one reason has a detail per reason, {@code problem.<type>.detail.<variant>}.
 */
public final class Problems {

    public static final String BASE = "https://m4s.dev/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** The title of the type; where a bundle lacks it, {@code plate-taken} reads {@code Plate taken}. */
    public static MessageSourceResolvable title(String slug) {
        String words = Arrays.stream(slug.split("-")).collect(Collectors.joining(" "));
        return new DefaultMessageSourceResolvable(new String[] {"problem." + slug + ".title"}, null,
                Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    /** The detail of the type, {@code problem.<type>.detail}, with its arguments. */
    public static MessageSourceResolvable detail(String slug, Object... arguments) {
        return message("problem." + slug + ".detail", arguments);
    }

    /** One of the details of a type given for several reasons: {@code problem.<type>.detail.<variant>}. */
    public static MessageSourceResolvable variant(String slug, String variant, Object... arguments) {
        return message("problem." + slug + ".detail." + variant, arguments);
    }

    /** Any text of the bundles, e.g. a field message, or a noun that is the argument of a detail. */
    public static MessageSourceResolvable message(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {key}, arguments.length == 0 ? null : arguments);
    }
}
