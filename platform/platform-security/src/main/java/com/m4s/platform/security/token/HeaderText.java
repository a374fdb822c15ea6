package com.m4s.platform.security.token;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The characters Spring Security's request firewalls allow in header names, header values and parameter names, as
 * predicates that look at each character once instead of running the firewalls' default regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same with tab allowed for values). Same rules, same
 * answers; the default expressions were a visible share of a request's time once a 1.5 KB access token is in every
 * request. Code points are looked at whole (a supplementary character is one code point, as in the expressions).
 * The firewalls also ask about absent values (a header looked up that the request does not have): nothing to refuse.
 */
public final class HeaderText {

    /** Header and parameter names: every code point assigned in Unicode and not a control character. */
    public static final Predicate<@Nullable String> NAME = text -> allowed(text, false);
    /** Header values: as names, and a horizontal tab is allowed too. */
    public static final Predicate<@Nullable String> VALUE = text -> allowed(text, true);

    private HeaderText() {
    }

    /**
     * Gives a firewall these rules through its three setters; the servlet and the reactive strict firewalls have the
     * same setters but no common type, and this module has no web dependency.
     */
    public static void install(Consumer<Predicate<@Nullable String>> headerNames,
            Consumer<Predicate<@Nullable String>> headerValues, Consumer<Predicate<@Nullable String>> parameterNames) {
        headerNames.accept(NAME);
        headerValues.accept(VALUE);
        parameterNames.accept(NAME);
    }

    private static boolean allowed(@Nullable String text, boolean tab) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII: all assigned; controls are 0x00-0x1F and 0x7F
                if ((c < 0x20 || c == 0x7F) && !(tab && c == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
