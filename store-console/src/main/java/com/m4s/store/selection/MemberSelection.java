package com.m4s.store.selection;

import com.m4s.platform.web.ApiException;
import com.m4s.store.member.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches the lines of an uploaded list to the store's members as the DMS import matches customers (phone, then
 * plate; nobody is created), and checks members picked by hand. Shared by point campaigns and gift distributions, so
 * both choose members the same way and report the same reasons.
 */
@Component
public class MemberSelection {

    private final Members members;

    MemberSelection(Members members) {
        this.members = members;
    }

    /** A line that matched nobody: its row, what it said, the problem's code and its text for the caller. */
    public record Unmatched(int rowNo, String value, String type, String reason) {
    }

    /**
     * The members the lines name, in line order (a member named twice comes twice: the caller counts them), and the
     * lines that name nobody with their reasons ({@code member-file-line-empty}, {@code member-file-line-unmatched}).
     */
    public record Matched(List<UUID> memberIds, List<Unmatched> unmatched) {
    }

    /** Matches each line; {@code reasonText} renders a line's problem in the caller's language. */
    @Transactional(readOnly = true)
    public Matched match(List<MemberFile.Line> lines, Function<ApiException, String> reasonText) {
        List<UUID> found = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (MemberFile.Line line : lines) {
            ApiException refusal = null;
            if (line.phone() == null && line.plate() == null) {
                refusal = new ApiException.Unprocessable("member-file-line-empty");
            } else {
                UUID member = members.matchDmsCustomer(new Members.DmsCustomer(null, line.phone(), line.plate(), null,
                        null), false).map(Members.Matched::memberId).orElse(null);
                if (member == null) {
                    refusal = new ApiException.Unprocessable("member-file-line-unmatched", line.value());
                } else {
                    found.add(member);
                }
            }
            if (refusal != null) {
                unmatched.add(new Unmatched(line.rowNo(), line.value(), refusal.type(), reasonText.apply(refusal)));
            }
        }
        return new Matched(found, unmatched);
    }

    /** Whether the member exists (a member picked by hand must). */
    @Transactional(readOnly = true)
    public boolean exists(UUID member) {
        return members.contact(member).isPresent();
    }
}
