package com.m4s.platform.test.modules.sound.alpha;

/** Feature alpha's public face. */
public class Alphas {

    public record AlphaView(String name) {
    }

    private final AlphaRepository repository;

    Alphas(AlphaRepository repository) {
        this.repository = repository;
    }

    public AlphaView find(Long id) {
        return new AlphaView(repository.findById(id).map(AlphaEntity::name).orElse("none"));
    }
}
