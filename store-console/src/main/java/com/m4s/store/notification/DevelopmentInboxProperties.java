package com.m4s.store.notification;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development inbox: where people trying a stack without an SMS provider read the texts sent to demo phones.
 *
 * @param enabled off by default; only the local stack's configuration turns it on
 * @param phones  the demo phones whose texts it shows: exact numbers, or a prefix followed by {@code *}
 */
@ConfigurationProperties("m4s.notification.development-inbox")
public record DevelopmentInboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<String> phones) {

    /** Whether the phone is one of the listed demo phones. */
    boolean lists(String phone) {
        for (String listed : phones) {
            String p = listed.strip();
            if (p.endsWith("*") ? phone.startsWith(p.substring(0, p.length() - 1)) : phone.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
