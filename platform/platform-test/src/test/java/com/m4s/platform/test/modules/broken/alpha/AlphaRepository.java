package com.m4s.platform.test.modules.broken.alpha;

import org.springframework.data.repository.CrudRepository;

public interface AlphaRepository extends CrudRepository<AlphaEntity, Long> {
}
