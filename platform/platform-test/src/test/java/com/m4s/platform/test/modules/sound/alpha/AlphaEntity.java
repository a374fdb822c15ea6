package com.m4s.platform.test.modules.sound.alpha;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class AlphaEntity {

    @Id
    Long id;

    String name() {
        return "alpha";
    }
}
