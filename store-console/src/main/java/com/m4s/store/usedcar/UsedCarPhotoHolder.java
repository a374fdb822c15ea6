package com.m4s.store.usedcar;

import com.m4s.store.photo.PhotoHolder;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Used cars keep photos: a car in any state (rejected, withdrawn and sold ones too) keeps its pictures. */
@Component
class UsedCarPhotoHolder implements PhotoHolder {

    private final UsedCarRepository cars;

    UsedCarPhotoHolder(UsedCarRepository cars) {
        this.cars = cars;
    }

    @Override
    public Set<UUID> referenced(Collection<UUID> photos) {
        if (photos.isEmpty()) {
            return Set.of();
        }
        return cars.photoRefsAmong(photos.stream().map(UUID::toString).toList()).stream().map(UUID::fromString)
                .collect(Collectors.toSet());
    }
}
