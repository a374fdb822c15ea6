package com.m4s.platform.test.modules.sound.beta;

import com.m4s.platform.test.modules.sound.alpha.Alphas;

/** Feature beta uses alpha through its public face only. */
class Betas {

    private final Alphas alphas;

    Betas(Alphas alphas) {
        this.alphas = alphas;
    }

    String nameOf(Long id) {
        return alphas.find(id).name();
    }
}
