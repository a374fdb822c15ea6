package com.m4s.platform.test.modules.broken.beta;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Planted: a page of a type named CardView, as alpha's controller answers one: one schema would replace the other. */
@RestController
class BetaCardsController {

    @GetMapping("/beta/cards")
    ResponseEntity<CardPage> cards() {
        return ResponseEntity.ok(new CardPage(List.of(new CardView(1))));
    }

    record CardPage(List<CardView> items) {
    }

    record CardView(int count) {
    }
}
