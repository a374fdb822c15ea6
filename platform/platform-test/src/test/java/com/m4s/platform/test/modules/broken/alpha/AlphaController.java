package com.m4s.platform.test.modules.broken.alpha;

import org.springframework.web.bind.annotation.RestController;

/** Planted: a controller that talks to a repository. */
@RestController
class AlphaController {

    private final AlphaRepository repository;

    AlphaController(AlphaRepository repository) {
        this.repository = repository;
    }

    long count() {
        return repository.count();
    }
}
