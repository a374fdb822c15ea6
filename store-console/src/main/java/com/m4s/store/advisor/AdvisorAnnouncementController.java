package com.m4s.store.advisor;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Announcements to advisors (MEM-3, decision 0042): managers post and see who has read; every console user reads the
 * announcements that went to them (only advisors receive any).
 */
@RestController
@RequestMapping("/api/stores/{store}/advisors/announcements")
@Allow(Permission.ANNOUNCEMENT_POST)
@Tag(name = "advisor-announcements", description = "News to advisors with read receipts (MEM-3)")
class AdvisorAnnouncementController {

    private final AdvisorAnnouncements announcements;

    AdvisorAnnouncementController(AdvisorAnnouncements announcements) {
        this.announcements = announcements;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post news to every advisor of the directory (no `advisors`) or to the advisors named")
    AdvisorViews.AdvisorAnnouncementDetail post(@PathVariable String store,
            @Valid @RequestBody AdvisorViews.AdvisorAnnouncementRequest request) {
        return announcements.post(request);
    }

    @GetMapping
    @Operation(summary = "Posted announcements with how many of their advisors have read each")
    PageResult<AdvisorViews.AdvisorAnnouncementRow> list(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "postedAt,desc") String sort) {
        return announcements.page(SqlPage.of(page, size, sort, AdvisorAnnouncements.SORTABLE,
                AdvisorAnnouncements.TIE_BREAKER));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One announcement with every advisor's receipt: who has not read it yet first")
    AdvisorViews.AdvisorAnnouncementDetail detail(@PathVariable String store, @PathVariable UUID id) {
        return announcements.detail(id);
    }

    @Allow(Permission.CONSOLE_USE)
    @GetMapping("/mine")
    @Operation(summary = "The announcements that went to the caller, newest first (only the unread with"
            + " `unread=true`)")
    PageResult<AdvisorViews.MyAdvisorAnnouncement> mine(@PathVariable String store,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "postedAt,desc") String sort) {
        return announcements.mine(unread, SqlPage.of(page, size, sort, AdvisorAnnouncements.SORTABLE,
                AdvisorAnnouncements.TIE_BREAKER));
    }

    @Allow(Permission.CONSOLE_USE)
    @GetMapping("/mine/unread")
    @Operation(summary = "How many of the caller's announcements are unread (the console's badge)")
    AdvisorViews.MyAdvisorAnnouncementsUnread unread(@PathVariable String store) {
        return announcements.unread();
    }

    @Allow(Permission.CONSOLE_USE)
    @PostMapping("/mine/{id}/read")
    @Operation(summary = "Open one of the caller's announcements: the first open is their read receipt, later ones"
            + " change nothing; 404 for one that did not go to them")
    AdvisorViews.MyAdvisorAnnouncement read(@PathVariable String store, @PathVariable UUID id) {
        return announcements.open(id);
    }
}
