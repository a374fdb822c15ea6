package com.m4s.store.mall;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductSkuRepository extends JpaRepository<ProductSku, UUID> {

    @Query("select s from ProductSku s where s.productId = :product order by s.sortOrder, s.id")
    List<ProductSku> ofProduct(@Param("product") UUID product);

    @Query("select s from ProductSku s where s.productId in :products order by s.sortOrder, s.id")
    List<ProductSku> ofProducts(@Param("products") Collection<UUID> products);

    /** Each SKU's id and its product's id, read as values (no SKU enters the persistence context). */
    @Query("select s.id, s.productId from ProductSku s where s.id in :ids")
    List<Object[]> productsOf(@Param("ids") Collection<UUID> ids);

    @Query("select count(s) > 0 from ProductSku s where lower(s.code) = lower(:code) and s.id <> :except")
    boolean codeTaken(@Param("code") String code, @Param("except") UUID except);
}
