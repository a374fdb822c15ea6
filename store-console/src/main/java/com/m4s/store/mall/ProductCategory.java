package com.m4s.store.mall;

import com.m4s.platform.entity.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A category of the mall's tree (e.g. 精品附件 → 行车记录仪); a top-level one has no parent. */
@Entity
@Table(name = "product_category")
class ProductCategory extends BaseEntity {

    @Column(name = "parent_id")
    private @Nullable UUID parentId;
    private String name;
    @Column(name = "sort_order")
    private int sortOrder;

    protected ProductCategory() {
        // for JPA, which sets every field right after
        this.name = "";
    }

    ProductCategory(@Nullable UUID parentId, String name, int sortOrder, Instant now) {
        super(now);
        this.parentId = parentId;
        this.name = name;
        this.sortOrder = sortOrder;
    }

    void change(@Nullable UUID parentId, String name, int sortOrder, Instant now) {
        this.parentId = parentId;
        this.name = name;
        this.sortOrder = sortOrder;
        touch(now);
    }

    @Nullable UUID parentId() { return parentId; }
    String name() { return name; }
    int sortOrder() { return sortOrder; }
}
