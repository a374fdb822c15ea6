package com.m4s.store.gift;

import com.m4s.store.photo.PhotoHolder;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gifts keep photos, listed or not. */
@Component
class GiftPhotoHolder implements PhotoHolder {

    private final GiftRepository gifts;

    GiftPhotoHolder(GiftRepository gifts) {
        this.gifts = gifts;
    }

    @Override
    public Set<UUID> referenced(Collection<UUID> photos) {
        if (photos.isEmpty()) {
            return Set.of();
        }
        return gifts.photoRefsAmong(photos.stream().map(UUID::toString).toList()).stream().map(UUID::fromString)
                .collect(Collectors.toSet());
    }
}
