package com.m4s.platform.test.modules.sound.alpha;

import org.springframework.data.repository.CrudRepository;

interface AlphaRepository extends CrudRepository<AlphaEntity, Long> {
}
