package com.m4s.platform.test.modules.sound.alpha;

import org.springframework.web.bind.annotation.RestController;

@RestController
class AlphaController {

    private final Alphas alphas;

    AlphaController(Alphas alphas) {
        this.alphas = alphas;
    }

    Alphas.AlphaView get(Long id) {
        return alphas.find(id);
    }
}
