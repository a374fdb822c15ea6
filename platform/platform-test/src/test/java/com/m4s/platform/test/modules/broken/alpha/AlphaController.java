package com.m4s.platform.test.modules.broken.alpha;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Planted: a controller that talks to a repository, and answers a schema named CardView as beta's does. */
@RestController
class AlphaController {

    private final AlphaRepository repository;

    AlphaController(AlphaRepository repository) {
        this.repository = repository;
    }

    long count() {
        return repository.count();
    }

    @GetMapping("/alpha/card")
    CardView card() {
        return new CardView("silver");
    }

    record CardView(String level) {
    }
}
