package com.m4s.platform.test.modules.sound.alpha;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AlphaController {

    private final Alphas alphas;

    AlphaController(Alphas alphas) {
        this.alphas = alphas;
    }

    @GetMapping("/alphas/{id}")
    Alphas.AlphaView get(Long id) {
        return alphas.find(id);
    }

    @PostMapping("/alphas/{id}/moves")
    void move(Long id, @RequestBody Move move) {
    }

    enum Move {
        STOP
    }
}
