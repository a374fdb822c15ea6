package com.m4s.store.notification;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own messages in this store (the bell): every user the store lets in reads their own inbox and
 * nobody else's, so the permission is {@link Permission#STORE_ENTER} and the recipient is always the caller's login.
 */
@RestController
@RequestMapping("/api/stores/{store}/inbox")
@Tag(name = "inbox", description = "The signed-in user's messages in the store (the bell)")
@Allow(Permission.STORE_ENTER)
class InboxController {

    /** The answer of read-all: how many messages were unread. */
    record MarkedRead(int marked) {
    }

    private final Notifications notifications;

    InboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's messages, newest first, in the caller's language, with their unread count")
    Notifications.Inbox inbox(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
        return notifications.inbox(me(), page, size);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's messages read (404 for a message that is not theirs)")
    ResponseEntity<Void> read(@PathVariable String store, @PathVariable UUID id) {
        notifications.markRead(me(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all of the caller's messages read")
    MarkedRead readAll(@PathVariable String store) {
        return new MarkedRead(notifications.markAllRead(me()));
    }

    private static String me() {
        return Caller.current().orElseThrow().subject();
    }
}
