package com.m4s.store.mall;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.store.member.MemberViews;
import com.m4s.store.member.Members;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The store's mall in the owner app (MALL-1): home, search, a product's page; "fits my car" by the owner's cars. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}/me/mall")
@Allow(Permission.OWN_MALL)
@Tag(name = "my-mall", description = "An owner browses and searches the store's mall")
class OwnMallController {

    private final Products products;
    private final ProductMarket market;
    private final Members members;

    OwnMallController(Products products, ProductMarket market, Members members) {
        this.products = products;
        this.market = market;
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "The mall's home: hot and recommended items in their order, the category tree, my cars'"
            + " models")
    ProductViews.MallHome myMallHome(@PathVariable String store) {
        return products.home(myModels());
    }

    @GetMapping("/products")
    @Operation(summary = "Search the mall: Chinese full text, a category (with those under it), a price range in"
            + " fen, only in stock, only what fits my cars; facets of categories and prices")
    ProductMarket.MallPage searchMyMall(@PathVariable String store,
            @RequestParam(required = false) @Size(max = 60) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID category,
            @RequestParam(required = false) @Min(0) @Nullable Long priceMin,
            @RequestParam(required = false) @Min(0) @Nullable Long priceMax,
            @RequestParam(defaultValue = "false") boolean inStock,
            @RequestParam(defaultValue = "false") boolean fitsMyCar,
            @RequestParam(defaultValue = "RELEVANCE") ProductMarket.Sort sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(60) int size) {
        return market.search(new ProductMarket.Criteria(q, category, priceMin, priceMax, inStock, fitsMyCar, sort,
                page, size), myModels());
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "A listed product's page: photos, text, SKUs with prices and stock, whether it fits my cars")
    ProductViews.MallProduct myMallProduct(@PathVariable String store, @PathVariable UUID productId) {
        return products.mallProduct(productId, myModels());
    }

    /** The models of the owner's cars (404 owner-account when the login has no member record). */
    private List<String> myModels() {
        String subject = Caller.current().orElseThrow().subject();
        return members.ofOwner(subject).vehicles().stream().map(MemberViews.VehicleView::model).distinct().toList();
    }
}
