package com.m4s.store.photo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signed links to stored photos: {@code /api/stores/<store>/photos/<id>/<size>?expires=<epoch s>&signature=<hmac>}.
 * The link is the permission: whoever may read a listing (or a submission) gets links to its photos, and an
 * {@code <img>} loads them with no sign-in. A link is made for the period it falls in (expiring one to two lifetimes
 * from now), so it is the same for a while and browsers keep the picture cached.
 */
@Component
class PhotoLinks {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoLinks.class);
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final long lifetimeSeconds;
    private final Clock clock;

    PhotoLinks(PhotoLinkProperties properties, Clock clock) {
        byte[] secret;
        if (properties.secret() == null || properties.secret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.warn("m4s.photo-links.secret is not set: photo links are signed with a key of this process only");
        } else {
            secret = Base64.getDecoder().decode(properties.secret().strip());
        }
        this.key = new SecretKeySpec(secret, HMAC);
        this.lifetimeSeconds = Math.max(60, properties.lifetime().toSeconds());
        this.clock = clock;
    }

    String link(String store, UUID photo, PhotoSize size) {
        long now = clock.instant().getEpochSecond();
        long expires = (now / lifetimeSeconds + 2) * lifetimeSeconds;
        return "/api/stores/" + store + "/photos/" + photo + "/" + size.name().toLowerCase(java.util.Locale.ROOT)
                + "?expires=" + expires + "&signature=" + signature(store, photo, size, expires);
    }

    /** Whether the signature is ours for these values and the link has not expired. */
    boolean valid(String store, UUID photo, PhotoSize size, long expires, String signature) {
        if (Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(signature(store, photo, size, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** Seconds the link stays valid from now: how long a browser may keep the picture. */
    long secondsLeft(long expires) {
        return Math.max(0, expires - clock.instant().getEpochSecond());
    }

    private String signature(String store, UUID photo, PhotoSize size, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] sig = mac.doFinal((store + "/" + photo + "/" + size + "/" + expires)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
