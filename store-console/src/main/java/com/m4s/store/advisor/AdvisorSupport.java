package com.m4s.store.advisor;

import com.m4s.platform.web.ConstraintProblem;
import com.m4s.platform.web.ConstraintProblems;
import com.m4s.store.photo.PhotoHolder;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the advisor feature's keys mean when the database refuses a write; the photos its profiles keep. */
@Configuration(proxyBeanMethods = false)
class AdvisorSupport {

    @Bean
    ConstraintProblems advisorConstraints() {
        return ConstraintProblems.of(
                ConstraintProblem.taken("advisor_rating_order_uk", "rating-exists", null),
                ConstraintProblem.taken("advisor_profile_username_uk", "concurrent-update", null));
    }

    @Bean
    PhotoHolder advisorPhotos(AdvisorProfileRepository profiles) {
        return (Collection<UUID> photos) -> photos.isEmpty() ? Set.of()
                : profiles.photosAmong(photos).stream().map(UUID::fromString).collect(Collectors.toSet());
    }
}
