package com.m4s.store.notification;

import com.m4s.platform.security.Open;
import com.m4s.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY. The texts delivered to a demo phone, as the phone would show them, for stacks without an SMS
 * provider: the message log never shows sign-up codes, so this is where a person trying the demo reads theirs. Exists
 * only when {@code m4s.notification.development-inbox.enabled} is true (the local stack), and answers only for the
 * phones it lists (decision 0020).
 */
@RestController
@ConditionalOnBooleanProperty("m4s.notification.development-inbox.enabled")
@EnableConfigurationProperties(DevelopmentInboxProperties.class)
// not part of the product's API: left out of the OpenAPI document and the web UI's generated types
@Hidden
class DevelopmentInboxController {

    /** What the demo phone received, newest first (at most 10). */
    record Inbox(String phone, boolean development, List<Notifications.Delivered> messages) {
    }

    private final Notifications notifications;
    private final DevelopmentInboxProperties properties;

    DevelopmentInboxController(Notifications notifications, DevelopmentInboxProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
    }

    @Open("development stacks only, demo phones only: a demo phone's texts, where a real phone would get them by SMS")
    @GetMapping("/api/stores/{store}/owner-signup/development-inbox")
    Inbox inbox(@PathVariable String store, @RequestParam
            @Pattern(regexp = "1[3-9][0-9]{9}", message = "{validation.phone}") String phone) {
        if (!properties.lists(phone)) {
            throw new NotADemoPhone(phone);
        }
        return new Inbox(phone, true, notifications.deliveredTo(phone));
    }

    static final class NotADemoPhone extends ApiException {
        NotADemoPhone(String phone) {
            super(HttpStatus.NOT_FOUND, "not-a-demo-phone", phone);
        }
    }
}
