package com.m4s.store.mall;

import com.m4s.store.photo.PhotoHolder;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Products keep photos, listed or not. */
@Component
class ProductPhotoHolder implements PhotoHolder {

    private final ProductRepository products;

    ProductPhotoHolder(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Set<UUID> referenced(Collection<UUID> photos) {
        if (photos.isEmpty()) {
            return Set.of();
        }
        return products.photoRefsAmong(photos.stream().map(UUID::toString).toList()).stream().map(UUID::fromString)
                .collect(Collectors.toSet());
    }
}
