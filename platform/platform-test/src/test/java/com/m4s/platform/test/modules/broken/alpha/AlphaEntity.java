package com.m4s.platform.test.modules.broken.alpha;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class AlphaEntity {

    @Id
    public Long id;
}
