package com.m4s.store.photo;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signed photo links ({@code m4s.photo-links.*}).
 *
 * @param secret the HMAC key, base64, the same on every instance (from the environment); none: a random key per
 *     process (links then stop working when it restarts — fine for one local instance, not for production)
 * @param lifetime at least how long a link stays valid; links are made per whole period, so the same photo has the
 *     same link for a while and browsers keep it cached
 */
@ConfigurationProperties("m4s.photo-links")
record PhotoLinkProperties(@Nullable String secret, @Nullable Duration lifetime) {

    PhotoLinkProperties {
        lifetime = lifetime == null ? Duration.ofDays(1) : lifetime;
    }
}
