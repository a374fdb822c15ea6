package com.m4s.admin.store;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StoreRepository extends JpaRepository<Store, String> {

    /** Filters are optional: a null group or status matches all; text matches code, name, city or brand. */
    @Query("""
            select s from Store s
            where (:group is null or s.groupCode = :group)
              and (:status is null or s.status = :status)
              and (lower(s.code) like :text escape '\\' or lower(s.name) like :text escape '\\'
                   or lower(s.city) like :text escape '\\' or lower(s.brand) like :text escape '\\')""")
    Page<Store> search(@Param("group") @Nullable String group, @Param("status") @Nullable StoreStatus status,
            @Param("text") String text, Pageable pageable);

    @Query("select s.code from Store s where s.status = com.m4s.admin.store.StoreStatus.PROVISIONING")
    List<String> provisioning();

    @Query("select s from Store s where s.groupCode = :group and s.status = :status order by s.code")
    List<Store> ofGroup(@Param("group") String group, @Param("status") StoreStatus status);

    @Query("select count(s) from Store s where s.groupCode = :group and s.status in"
            + " (com.m4s.admin.store.StoreStatus.ACTIVE, com.m4s.admin.store.StoreStatus.READ_ONLY)")
    long countBillable(@Param("group") String group);
}
