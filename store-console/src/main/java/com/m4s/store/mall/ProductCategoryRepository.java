package com.m4s.store.mall;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductCategoryRepository extends JpaRepository<ProductCategory, UUID> {

    @Query("select c from ProductCategory c order by c.sortOrder, c.name, c.id")
    List<ProductCategory> ordered();

    @Query("select count(c) > 0 from ProductCategory c where c.parentId = :id")
    boolean hasChildren(@Param("id") UUID id);
}
