package com.m4s.store.advisor;

import com.m4s.store.member.ReferringAdvisors;
import com.m4s.store.staff.Staff;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Whether a username is one of the directory's advisors (decision 0038), for the member feature's record of who
 * brought a member in: a staff login of the service or sales department, or one with a profile. Reads the logins and
 * profiles itself rather than through {@link Advisors}, which uses the member feature.
 */
@Component
class AdvisorDirectory implements ReferringAdvisors {

    private final Staff staff;
    private final AdvisorProfileRepository profiles;

    AdvisorDirectory(Staff staff, AdvisorProfileRepository profiles) {
        this.staff = staff;
        this.profiles = profiles;
    }

    @Override
    public Optional<String> nameOf(String username) {
        return staff.list(null, PageRequest.of(0, 10_000)).content().stream()
                .filter(login -> login.loginId() != null && login.username().equals(username))
                .filter(login -> Advisors.DEPARTMENTS.contains(String.valueOf(login.department()))
                        || profiles.findByUsername(username).isPresent())
                .map(Staff.StaffEntry::displayName).findFirst();
    }
}
