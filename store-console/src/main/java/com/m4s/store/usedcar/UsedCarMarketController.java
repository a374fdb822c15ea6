package com.m4s.store.usedcar;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching the used-car market of a store or of its whole dealer group (UCAR-3, SAAS-6). */
@RestController
@Tag(name = "used-car-market", description = "Search cars on the market, with facets (UCAR-3)")
class UsedCarMarketController {

    private final UsedCarMarket market;

    UsedCarMarketController(UsedCarMarket market) {
        this.market = market;
    }

    @Allow(Permission.USED_CAR_MARKET_VIEW)
    @GetMapping("/api/stores/{store}/used-car-market")
    @Operation(summary = "Cars on the market (listed or reserved) of this store, or of every store of its group"
            + " (scope=GROUP); full text in q (Chinese too), filters, facets with counts, sort, paging")
    UsedCarMarket.MarketPage search(@PathVariable String store,
            @RequestParam(defaultValue = "GROUP") UsedCarMarket.Scope scope,
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(required = false) @Nullable List<@Size(max = 40) String> make,
            @RequestParam(required = false) @Size(max = 60) @Nullable String model,
            @RequestParam(required = false) @Min(0) @Nullable Long priceMin,
            @RequestParam(required = false) @Min(0) @Nullable Long priceMax,
            @RequestParam(required = false) @Min(1900) @Max(2100) @Nullable Integer yearMin,
            @RequestParam(required = false) @Min(1900) @Max(2100) @Nullable Integer yearMax,
            @RequestParam(required = false) @Min(0) @Nullable Integer mileageMin,
            @RequestParam(required = false) @Min(0) @Nullable Integer mileageMax,
            @RequestParam(required = false) @Nullable List<@Size(max = 40) String> city,
            @RequestParam(required = false) @Nullable List<Gearbox> gearbox,
            @RequestParam(required = false) @Nullable List<EmissionStandard> emissionStandard,
            @RequestParam(name = "storeCode", required = false) @Nullable List<@Size(max = 30) String> storeCode,
            @RequestParam(defaultValue = "RELEVANCE") UsedCarMarket.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return market.search(scope, new UsedCarMarket.Criteria(q, list(make), model, priceMin, priceMax, yearMin,
                yearMax, mileageMin, mileageMax, list(city), list(gearbox), list(emissionStandard), list(storeCode),
                sort, page, size));
    }

    private static <T> List<T> list(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }
}
