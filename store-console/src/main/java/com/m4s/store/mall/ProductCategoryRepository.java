package com.m4s.store.mall;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductCategoryRepository extends JpaRepository<ProductCategory, UUID> {

    @Query("select c from ProductCategory c order by c.sortOrder, c.name, c.id")
    List<ProductCategory> ordered();

    /**
     * The category's ids from the top of the tree down to it, in one statement that reads only that path (a stock
     * movement's event carries it); empty for an unknown category. The depth bound only guards the walk: moves that
     * would make a cycle are refused.
     */
    @Query(value = "with recursive up(id, parent_id, depth) as (select id, parent_id, 0 from product_category"
            + " where id = :id union all select c.id, c.parent_id, up.depth + 1 from product_category c"
            + " join up on c.id = up.parent_id where up.depth < 64) select id from up order by depth desc",
            nativeQuery = true)
    List<UUID> pathTo(@Param("id") UUID id);

    /** The category and every category under it; empty for an unknown category. */
    @Query(value = "with recursive down(id, depth) as (select id, 0 from product_category where id = :id"
            + " union all select c.id, down.depth + 1 from product_category c join down on c.parent_id = down.id"
            + " where down.depth < 64) select id from down", nativeQuery = true)
    List<UUID> within(@Param("id") UUID id);

    @Query("select count(c) > 0 from ProductCategory c where c.parentId = :id")
    boolean hasChildren(@Param("id") UUID id);
}
