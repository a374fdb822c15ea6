package com.m4s.store.card;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Member cards (MEM-1): the store's card programme, a member's card and its steps, the owner's own card. */
@RestController
@Tag(name = "member-cards", description = "Card levels and members' cards: join, renew, upgrade, downgrade, report"
        + " lost, reissue, change, quit (MEM-1)")
class CardController {

    private static final String BASE = "/api/stores/{store}";
    private static final String CARD = BASE + "/members/{memberId}/card";

    private final MemberCards cards;

    CardController(MemberCards cards) {
        this.cards = cards;
    }

    @Allow(Permission.CARD_VIEW)
    @GetMapping(BASE + "/card-programme")
    @Operation(summary = "The store's card programme: basis (points earned or customer-paid spend), rolling window,"
            + " validity, levels with thresholds and benefits")
    CardViews.CardProgramme programme(@PathVariable String store) {
        return cards.programme();
    }

    @Allow(Permission.CARD_PROGRAMME_MANAGE)
    @PutMapping(BASE + "/card-programme")
    @Operation(summary = "Replace the programme; levels matched by code; a removed level still held by a card is 409;"
            + " If-Match with the programme's version guards against a concurrent edit")
    CardViews.CardProgramme replaceProgramme(@PathVariable String store,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CardRequests.CardProgrammeChange programme) {
        return cards.replaceProgramme(programme, Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.CARD_VIEW)
    @GetMapping(CARD)
    @Operation(summary = "The member's card with the value of the basis in the window and what the next level"
            + " needs; 404 member-card when the member has none")
    CardViews.MemberCardView card(@PathVariable String store, @PathVariable UUID memberId) {
        return cards.card(memberId).orElseThrow(() -> new com.m4s.platform.web.ApiException.NotFound("member-card",
                memberId));
    }

    @Allow(Permission.CARD_VIEW)
    @GetMapping(CARD + "/steps")
    @Operation(summary = "Every step of the member's card, newest first")
    List<CardViews.CardStepView> steps(@PathVariable String store, @PathVariable UUID memberId) {
        return cards.steps(memberId);
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD)
    @Operation(summary = "Join the programme at the level the member already qualifies for (a member who quit gets"
            + " a new card); 409 member-card-exists otherwise")
    ResponseEntity<CardViews.MemberCardView> join(@PathVariable String store, @PathVariable UUID memberId) {
        CardViews.MemberCardView card = cards.join(memberId, Caller.currentName());
        return ResponseEntity.created(URI.create("/api/stores/" + store + "/members/" + memberId + "/card"))
                .body(card);
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD + "/renew")
    @Operation(summary = "Extend the card by the programme's validity (an expired card becomes active again)")
    CardViews.MemberCardView renew(@PathVariable String store, @PathVariable UUID memberId) {
        return cards.renew(memberId, Caller.currentName());
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD + "/report-lost")
    @Operation(summary = "Report the card lost")
    CardViews.MemberCardView reportLost(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody(required = false) CardRequests.@Nullable CardReason reason) {
        return cards.reportLost(memberId, reason == null ? null : reason.reason(), Caller.currentName());
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD + "/reissue")
    @Operation(summary = "Issue a new card number for a lost card; level, validity and history stay")
    CardViews.MemberCardView reissue(@PathVariable String store, @PathVariable UUID memberId) {
        return cards.reissue(memberId, Caller.currentName());
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD + "/change")
    @Operation(summary = "Change a card in use for a new number, with the reason")
    CardViews.MemberCardView change(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody CardRequests.CardReason reason) {
        return cards.change(memberId, reason.reason() == null ? "" : reason.reason(), Caller.currentName());
    }

    @Allow(Permission.CARD_MANAGE)
    @PostMapping(CARD + "/quit")
    @Operation(summary = "The member leaves the programme, with the reason")
    CardViews.MemberCardView quit(@PathVariable String store, @PathVariable UUID memberId,
            @Valid @RequestBody CardRequests.CardReason reason) {
        return cards.quit(memberId, reason.reason() == null ? "" : reason.reason(), Caller.currentName());
    }

    @Allow(Permission.OWN_CARD_VIEW)
    @GetMapping(BASE + "/me/card")
    @Operation(summary = "My card: number, level, benefits, validity and progress to the next level")
    CardViews.MemberCardView myCard(@PathVariable String store) {
        return cards.ownCard(Caller.current().orElseThrow().subject());
    }
}
