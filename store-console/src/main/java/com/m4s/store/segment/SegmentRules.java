package com.m4s.store.segment;

import com.m4s.platform.web.ApiException;
import com.m4s.platform.web.Like;
import com.m4s.platform.web.Problems;
import com.m4s.store.member.MemberSource;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A segment's rules: checked before they are written ({@link #check}, a 422 naming the rule and what is wrong), and
 * turned into one SQL condition over {@code member m} ({@link #where}). Each type of rule has a fixed SQL text; every
 * value is a bind parameter ({@code :r<index><name>}), never written into the text.
 */
final class SegmentRules {

    /** The most rules one segment may have. */
    static final int MAX_RULES = 20;
    /** The longest look-back of the no-visit rule, in months. */
    static final long MAX_MONTHS = 120;
    /** The oldest vehicle age a rule may name, in years. */
    static final long MAX_YEARS = 50;
    static final String THIS_MONTH = "THIS_MONTH";

    private SegmentRules() {
    }

    /** What the store has that rules may name: card level codes and tag names. */
    record Known(Predicate<String> level, Predicate<String> tag) {
    }

    /** A condition over {@code member m} and its bind parameters. */
    record Where(String sql, Map<String, Object> parameters) {
    }

    /** Refuses rules that cannot be evaluated (422, naming the rule by its number and type). */
    static void check(List<SegmentRule> rules, Known known) {
        if (rules.isEmpty()) {
            throw new ApiException.Unprocessable("segment-rules-empty").field("rules");
        }
        if (rules.size() > MAX_RULES) {
            throw new ApiException.Unprocessable("segment-rules-too-many", MAX_RULES).field("rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            check(i, rules.get(i), known);
        }
    }

    private static void check(int i, SegmentRule rule, Known known) {
        switch (rule.type()) {
            case CARD_LEVEL -> {
                for (String level : values(i, rule)) {
                    if (!known.level().test(level)) {
                        throw refusal("segment-rule-level-unknown", i, rule, level);
                    }
                }
                only(i, rule, true, false, false);
            }
            case TAG -> {
                for (String tag : values(i, rule)) {
                    if (!known.tag().test(tag)) {
                        throw refusal("segment-rule-tag-unknown", i, rule, tag);
                    }
                }
                only(i, rule, true, false, false);
            }
            case SOURCE -> {
                Set<String> sources = Arrays.stream(MemberSource.values()).map(Enum::name)
                        .collect(java.util.stream.Collectors.toSet());
                for (String source : values(i, rule)) {
                    if (!sources.contains(source)) {
                        throw refusal("segment-rule-source-unknown", i, rule, source);
                    }
                }
                only(i, rule, true, false, false);
            }
            case ADVISOR -> {
                values(i, rule);
                only(i, rule, true, false, false);
            }
            case BIRTHDAY_MONTH -> {
                for (String month : values(i, rule)) {
                    if (!THIS_MONTH.equals(month) && month(month) == null) {
                        throw refusal("segment-rule-month", i, rule, month);
                    }
                }
                only(i, rule, true, false, false);
            }
            case POINTS_BALANCE -> {
                range(i, rule, Long.MAX_VALUE);
                only(i, rule, false, true, false);
            }
            case VEHICLE_AGE -> {
                range(i, rule, MAX_YEARS);
                only(i, rule, false, true, false);
            }
            case NO_VISIT_MONTHS -> {
                if (rule.min() == null || rule.min() < 1 || rule.min() > MAX_MONTHS || rule.max() != null) {
                    throw refusal("segment-rule-months", i, rule, MAX_MONTHS);
                }
                only(i, rule, false, true, false);
            }
            case VEHICLE_MODEL -> {
                if (rule.text() == null || rule.text().isBlank()) {
                    throw refusal("segment-rule-text", i, rule);
                }
                only(i, rule, false, false, true);
            }
        }
    }

    private static List<String> values(int i, SegmentRule rule) {
        if (rule.values() == null || rule.values().isEmpty()
                || rule.values().stream().anyMatch(v -> v == null || v.isBlank())) {
            throw refusal("segment-rule-values", i, rule);
        }
        return rule.values();
    }

    private static void range(int i, SegmentRule rule, long most) {
        Long min = rule.min();
        Long max = rule.max();
        if ((min == null && max == null) || (min != null && (min < 0 || min > most))
                || (max != null && (max < 0 || max > most)) || (min != null && max != null && min > max)) {
            throw refusal("segment-rule-range", i, rule);
        }
    }

    /** A field the rule's type does not read must be left out, so a rule never says more than it does. */
    private static void only(int i, SegmentRule rule, boolean values, boolean range, boolean text) {
        if ((!values && rule.values() != null && !rule.values().isEmpty())
                || (!range && (rule.min() != null || rule.max() != null))
                || (!text && rule.text() != null && !rule.text().isBlank())) {
            throw refusal("segment-rule-extra", i, rule);
        }
    }

    private static ApiException.Unprocessable refusal(String type, int i, SegmentRule rule, Object... more) {
        Object[] arguments = new Object[2 + more.length];
        arguments[0] = i + 1;
        arguments[1] = Problems.message("problem.segment-rule.type." + rule.type());
        System.arraycopy(more, 0, arguments, 2, more.length);
        return new ApiException.Unprocessable(type, arguments).field("rules[" + i + "]");
    }

    private static @Nullable Integer month(String text) {
        try {
            int month = Integer.parseInt(text);
            return month >= 1 && month <= 12 ? month : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The rules as one condition over {@code member m}, for the store's time {@code now} (the no-visit, vehicle-age
     * and this-month rules read it). The SQL text depends only on the rules' types and how many values each has.
     */
    static Where where(List<SegmentRule> rules, ZonedDateTime now) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        LocalDate today = now.toLocalDate();
        for (int i = 0; i < rules.size(); i++) {
            SegmentRule rule = rules.get(i);
            String p = "r" + i;
            switch (rule.type()) {
                case CARD_LEVEL -> {
                    parts.add("exists (select 1 from member_card c join card_level l on l.id = c.level_id"
                            + " where c.member_id = m.id and c.status = 'ACTIVE' and l.code in (:" + p + "))");
                    parameters.put(p, distinct(rule.values()));
                }
                case POINTS_BALANCE -> {
                    String balance = "coalesce((select b.available from points_balance b where b.id = m.id), 0)";
                    if (rule.min() != null) {
                        parts.add(balance + " >= :" + p + "min");
                        parameters.put(p + "min", rule.min());
                    }
                    if (rule.max() != null) {
                        parts.add(balance + " <= :" + p + "max");
                        parameters.put(p + "max", rule.max());
                    }
                }
                case NO_VISIT_MONTHS -> {
                    parts.add("exists (select 1 from repair_order o where o.member_id = m.id)"
                            + " and not exists (select 1 from repair_order o where o.member_id = m.id"
                            + " and o.opened_at >= :" + p + ")");
                    parameters.put(p, now.minusMonths(java.util.Objects.requireNonNull(rule.min()))
                            .toOffsetDateTime());
                }
                case VEHICLE_MODEL -> {
                    parts.add("exists (select 1 from vehicle v where v.member_id = m.id"
                            + " and lower(v.model) like :" + p + " escape '\\')");
                    parameters.put(p, Like.contains(rule.text()).toLowerCase(Locale.ROOT));
                }
                case VEHICLE_AGE -> {
                    // age in whole years >= min: bought on or before today - min years; <= max: after today - (max+1)
                    StringBuilder sql = new StringBuilder("exists (select 1 from vehicle v where v.member_id = m.id"
                            + " and v.purchase_date is not null");
                    if (rule.min() != null) {
                        sql.append(" and v.purchase_date <= :").append(p).append("latest");
                        parameters.put(p + "latest", today.minusYears(rule.min()));
                    }
                    if (rule.max() != null) {
                        sql.append(" and v.purchase_date > :").append(p).append("earliest");
                        parameters.put(p + "earliest", today.minusYears(rule.max() + 1));
                    }
                    parts.add(sql.append(')').toString());
                }
                case BIRTHDAY_MONTH -> {
                    parts.add("extract(month from m.birthday)::int in (:" + p + ")");
                    Set<Integer> months = new LinkedHashSet<>();
                    for (String v : java.util.Objects.requireNonNull(rule.values())) {
                        months.add(THIS_MONTH.equals(v) ? today.getMonthValue()
                                : java.util.Objects.requireNonNull(month(v)));
                    }
                    parameters.put(p, months);
                }
                case SOURCE -> {
                    parts.add("m.source in (:" + p + ")");
                    parameters.put(p, distinct(rule.values()));
                }
                case TAG -> {
                    parts.add("exists (select 1 from member_tag t join member_tag_name n on n.id = t.tag_id"
                            + " where t.member_id = m.id and n.name in (:" + p + "))");
                    parameters.put(p, distinct(rule.values()));
                }
                case ADVISOR -> {
                    parts.add("exists (select 1 from advisor_customer a where a.id = m.id and a.advisor in (:" + p
                            + "))");
                    parameters.put(p, distinct(rule.values()));
                }
            }
        }
        return new Where(parts.isEmpty() ? "true" : String.join(" and ", parts), parameters);
    }

    private static Collection<String> distinct(@Nullable List<String> values) {
        return new LinkedHashSet<>(java.util.Objects.requireNonNull(values));
    }
}
