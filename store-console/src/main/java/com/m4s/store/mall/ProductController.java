package com.m4s.store.mall;

import com.m4s.platform.idempotency.LedgerKeys;
import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import com.m4s.platform.web.PageResult;
import com.m4s.platform.web.SqlPage;
import com.m4s.platform.web.Problems;
import com.m4s.platform.web.Versions;
import com.m4s.store.export.ExcelColumn;
import com.m4s.store.export.ExcelExports;
import com.m4s.store.export.ExcelTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mall's catalogue in the console (MALL-1, MALL-3): categories, products with SKUs, stock. */
@RestController
@Validated
@RequestMapping("/api/stores/{store}")
@Allow(Permission.MALL_VIEW)
@Tag(name = "mall", description = "The mall's catalogue: a category tree, products with SKUs and fitment, each SKU's"
        + " stock as a ledger of movements (MALL-1, MALL-3)")
class ProductController {

    /** The product list as an Excel file: what the list shows, prices in yuan, with the units sold. */
    static final ExcelTable<ProductViews.ProductRow> EXPORT = ExcelTable.of("products",
            ExcelColumn.text("name", ProductViews.ProductRow::name),
            ExcelColumn.text("category", ProductViews.ProductRow::categoryName),
            ExcelColumn.text("status", p -> Problems.message("export.products.status." + p.status())),
            ExcelColumn.money("minPrice", p -> yuan(p.minPriceFen())),
            ExcelColumn.money("maxPrice", p -> yuan(p.maxPriceFen())),
            ExcelColumn.integer("stock", ProductViews.ProductRow::stock),
            ExcelColumn.integer("sold", ProductViews.ProductRow::sold),
            ExcelColumn.integer("skuCount", ProductViews.ProductRow::skuCount),
            ExcelColumn.integer("lowSkus", ProductViews.ProductRow::lowSkus),
            ExcelColumn.dateTime("createdAt", ProductViews.ProductRow::createdAt));

    private final Products products;
    private final ExcelExports exports;

    ProductController(Products products, ExcelExports exports) {
        this.products = products;
        this.exports = exports;
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    @GetMapping("/product-categories")
    @Operation(summary = "The category tree: parents before children, siblings in their order")
    List<ProductViews.CategoryView> productCategories(@PathVariable String store) {
        return products.categories();
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/product-categories")
    @Operation(summary = "A new category, at the top or under another",
            description = "409 product-category-name-taken; 422 product-category-unknown.")
    ProductViews.CategoryView createProductCategory(@PathVariable String store,
            @Valid @RequestBody ProductRequests.CategoryForm form) {
        return products.createCategory(form.parentId(), form.name(), form.sortOrder());
    }

    @Allow(Permission.MALL_MANAGE)
    @PutMapping("/product-categories/{categoryId}")
    @Operation(summary = "Rename, reorder or move a category; send If-Match with the version read",
            description = "409 product-category-name-taken; 422 product-category-cycle (under itself or its own).")
    ProductViews.CategoryView changeProductCategory(@PathVariable String store, @PathVariable UUID categoryId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.CategoryForm form) {
        return products.changeCategory(categoryId, form.parentId(), form.name(), form.sortOrder(),
                Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.MALL_MANAGE)
    @DeleteMapping("/product-categories/{categoryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an empty category", description = "409 product-category-not-empty.")
    void deleteProductCategory(@PathVariable String store, @PathVariable UUID categoryId) {
        products.deleteCategory(categoryId);
    }

    @GetMapping("/products")
    @Operation(summary = "The store's products: statuses, a category (with those under it), a name or article number"
            + " (part), only those with a SKU at or below its low-stock mark")
    PageResult<ProductViews.ProductRow> productList(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<ProductStatus> status,
            @RequestParam(required = false) @Nullable UUID category,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        return products.products(new ProductList.ProductFilter(status, category, search, low),
                SqlPage.of(page, size, sort, ProductList.PRODUCT_SORTABLE, ProductList.PRODUCT_TIE_BREAKER));
    }

    @GetMapping(value = "/products/export", produces = ExcelExports.XLSX)
    @Operation(summary = "The product list as an Excel file: every product the list's filters match, in its sort,"
            + " without paging; prices in yuan, units sold, words in the caller's language")
    @ApiResponse(responseCode = "200", description = "the .xlsx file, named 商城商品_<date>.xlsx",
            content = @Content(mediaType = ExcelExports.XLSX, schema = @Schema(type = "string", format = "binary")))
    void exportProducts(@PathVariable String store,
            @RequestParam(required = false) @Nullable List<ProductStatus> status,
            @RequestParam(required = false) @Nullable UUID category,
            @RequestParam(required = false) @Size(max = 40) @Nullable String search,
            @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            HttpServletResponse response) throws IOException {
        SqlPage order = SqlPage.everyRow(sort, ProductList.PRODUCT_SORTABLE, ProductList.PRODUCT_TIE_BREAKER);
        ProductList.ProductFilter filter = new ProductList.ProductFilter(status, category, search, low);
        exports.write(response, EXPORT, sink -> products.exportProducts(filter, order, sink));
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products")
    @Operation(summary = "A new product with its SKUs and their first stock, listed or not", description = "409"
            + " product-name-taken, product-sku-code-taken; 422 product-sku-required, product-sku-spec-repeated,"
            + " product-sale-price-not-lower, product-category-unknown.")
    ProductViews.ProductView createProduct(@PathVariable String store,
            @Valid @RequestBody ProductRequests.ProductForm form) {
        return products.create(form.details(), form.skus() == null ? List.of() : form.skus(), form.listedAtOnce(),
                Caller.currentUsername());
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "One product with its SKUs, prices and stock")
    ProductViews.ProductView product(@PathVariable String store, @PathVariable UUID productId) {
        return products.view(productId);
    }

    @Allow(Permission.MALL_MANAGE)
    @PutMapping("/products/{productId}")
    @Operation(summary = "Change what a product is (category, texts, flags, fitment, photos); send If-Match with the"
            + " version read", description = "409 product-name-taken; SKUs change on their own.")
    ProductViews.ProductView changeProduct(@PathVariable String store, @PathVariable UUID productId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.ProductForm form) {
        return products.change(productId, form.details(), Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products/{productId}/listing")
    @Operation(summary = "List a product in the mall (a listed one answers as it is)")
    ProductViews.ProductView listProduct(@PathVariable String store, @PathVariable UUID productId) {
        return products.list(productId, true);
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products/{productId}/delisting")
    @Operation(summary = "Take a product out of the mall")
    ProductViews.ProductView delistProduct(@PathVariable String store, @PathVariable UUID productId) {
        return products.list(productId, false);
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products/{productId}/skus")
    @Operation(summary = "A new SKU of a product, with its first stock",
            description = "409 product-sku-code-taken; 422 product-sku-spec-repeated, product-sale-price-not-lower.")
    ProductViews.ProductView addProductSku(@PathVariable String store, @PathVariable UUID productId,
            @Valid @RequestBody ProductRequests.SkuForm form) {
        return products.addSku(productId, form, Caller.currentUsername());
    }

    @Allow(Permission.MALL_MANAGE)
    @PutMapping("/products/{productId}/skus/{skuId}")
    @Operation(summary = "Change a SKU's spec, article number, prices or low-stock mark; send If-Match with the SKU's"
            + " version read", description = "Its stock moves only by receipts and adjustments.")
    ProductViews.ProductView changeProductSku(@PathVariable String store, @PathVariable UUID productId,
            @PathVariable UUID skuId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.SkuForm form) {
        return products.changeSku(productId, skuId, form.details(), Versions.ifMatch(ifMatch));
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products/{productId}/skus/{skuId}/stock-receipts")
    @Operation(summary = "Stock of a SKU received; send an Idempotency-Key")
    ProductViews.ProductView receiveProductStock(@PathVariable String store, @PathVariable UUID productId,
            @PathVariable UUID skuId, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody ProductRequests.ProductStockReceipt receipt) {
        return products.receive(productId, skuId, receipt.quantity(), receipt.reason(),
                LedgerKeys.of("product-receipt", key), Caller.currentUsername());
    }

    @Allow(Permission.MALL_MANAGE)
    @PostMapping("/products/{productId}/skus/{skuId}/stock-adjustments")
    @Operation(summary = "Correct a SKU's stock after a count, up or down, with the reason; send an Idempotency-Key",
            description = "409 product-stock-short when it would take more than is in stock.")
    ProductViews.ProductView adjustProductStock(@PathVariable String store, @PathVariable UUID productId,
            @PathVariable UUID skuId, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody ProductRequests.ProductStockAdjustment adjustment) {
        return products.adjust(productId, skuId, adjustment.delta(), adjustment.reason(),
                LedgerKeys.of("product-adjustment", key), Caller.currentUsername());
    }

    @GetMapping("/products/{productId}/stock-entries")
    @Operation(summary = "The stock movements of a product's SKUs, newest first")
    PageResult<ProductViews.ProductStockEntryView> productStockEntries(@PathVariable String store,
            @PathVariable UUID productId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return products.entries(productId, SqlPage.of(page, size, "createdAt,desc", ProductList.ENTRY_SORTABLE,
                ProductList.ENTRY_TIE_BREAKER));
    }
}
