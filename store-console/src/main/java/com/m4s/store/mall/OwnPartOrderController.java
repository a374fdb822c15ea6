package com.m4s.store.mall;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.store.member.Members;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The parts the store ordered for the owner (配件预订, MALL-3), in the app. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me/part-orders")
@Allow(Permission.OWN_MALL)
@Tag(name = "my-part-orders", description = "An owner reads the parts the store ordered for them and where each is")
class OwnPartOrderController {

    private final PartOrders orders;
    private final Members members;

    OwnPartOrderController(PartOrders orders, Members members) {
        this.orders = orders;
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "The parts ordered for me, newest first, with where each is")
    PageResult<PartOrderViews.MyPartOrder> myPartOrders(@PathVariable String store,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.own(members.ownerContact(Caller.current().orElseThrow().subject()).memberId(),
                SqlPage.of(page, size, "createdAt,desc", PartOrderList.SORTABLE, PartOrderList.TIE_BREAKER));
    }
}
