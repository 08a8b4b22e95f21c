package ru.appealdesk.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Surge;
import ru.appealdesk.directory.WorkDuration;

/**
 * Finds a surge as an appeal is registered (002 п.11, 004 п.25, the source's {@code surge}): with the earlier
 * appeals of its source and category about the same street (or address) received within the rule's time it makes
 * {@code count}, they are linked as one cluster and {@link AppealEvents.SurgeDetected} tells the department's heads and the
 * coordinators once. A later appeal that matches an appeal of a cluster joins it silently (the dashboard shows it).
 */
@Component
class Surges {

    private static final Logger log = LoggerFactory.getLogger(Surges.class);
    /** How far back candidates are read; a rule's time is checked exactly on them. */
    private static final java.time.Duration LOOK_BACK = java.time.Duration.ofDays(62);

    private final AppealRepository appeals;
    private final Directory directory;
    private final DeadlinePolicy deadlines;
    private final ApplicationEventPublisher events;

    Surges(AppealRepository appeals, Directory directory, DeadlinePolicy deadlines,
           ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.directory = directory;
        this.deadlines = deadlines;
        this.events = events;
    }

    /** An appeal as the rule sees it. */
    record Candidate(long id, Instant receivedAt, Long cluster) {
    }

    /** What the rule decides for a new appeal: nothing, join a cluster, or a new cluster of these appeals. */
    record Decision(Long joins, List<Long> members) {
        static final Decision NONE = new Decision(null, List.of());

        boolean surge() {
            return joins == null && !members.isEmpty();
        }
    }

    /** Checks the newly stored appeal against its source's rule, in the registration's transaction. */
    void check(Appeal appeal, Instant now) {
        AppealView a = appeal.view();
        Surge rule = directory.regulation(a.source()).surge();
        if (rule == null || appeal.streetKey() == null) {
            return;
        }
        String key = rule.same() == Surge.Same.STREET ? appeal.streetKey() : appeal.addressKey();
        if (key == null) {
            return;
        }
        List<AppealRepository.OnStreet> same = appeals.onStreetSince(a.source(), a.category(), appeal.streetKey(),
                a.receivedAt().minus(LOOK_BACK), a.id()).stream()
                .filter(o -> rule.same() == Surge.Same.STREET || key.equals(o.getAddressKey())).toList();
        Decision d = decide(rule, new Candidate(a.id(), a.receivedAt(), null),
                same.stream().map(o -> new Candidate(o.getId(), o.getReceivedAt(), o.getClusterId())).toList(),
                deadlines::plus);
        if (d.joins == null && !d.surge()) {
            return;
        }
        long cluster = cluster(d);
        appeal.joinCluster(cluster);
        // only the appeals that join are loaded, to write their cluster
        List<Appeal> joining = appeals.findAllById(d.members.stream().filter(id -> id != a.id()).toList()).stream()
                .sorted(Comparator.comparing(Appeal::id)).toList();
        joining.forEach(o -> o.joinCluster(cluster));
        if (d.surge()) {
            List<AppealView> members = new ArrayList<>(joining.stream().map(Appeal::view).toList());
            members.add(appeal.view());
            members.sort(Comparator.comparingLong(AppealView::id));
            log.info("Surge: cluster {} of {} appeals ({} {})", cluster, members.size(), a.source(), a.category());
            events.publishEvent(new AppealEvents.SurgeDetected(cluster, a.departmentId(), a.category(), rule,
                    List.copyOf(members), now));
        }
    }

    private static long cluster(Decision d) {
        return d.joins != null ? d.joins : d.members.get(0);
    }

    /**
     * The rule for one new appeal and the earlier ones about the same street or address: those received within the
     * rule's time of it (either way) count; if one of them is in a cluster, the new one and the others join it;
     * else with the new one they make a new cluster once they are {@code count}. {@code plus}: an instant plus a
     * duration of the regulations (working time where it says so).
     */
    static Decision decide(Surge rule, Candidate appeal, List<Candidate> others,
                           BiFunction<Instant, WorkDuration, Instant> plus) {
        List<Candidate> near = others.stream().filter(o -> within(o.receivedAt(), appeal.receivedAt(), rule, plus))
                .toList();
        Long existing = near.stream().map(Candidate::cluster).filter(java.util.Objects::nonNull)
                .min(Long::compare).orElse(null);
        List<Long> members = new ArrayList<>(near.stream().map(Candidate::id).toList());
        members.add(appeal.id());
        members.sort(Long::compare);
        if (existing != null) {
            return new Decision(existing, near.stream().filter(o -> o.cluster() == null).map(Candidate::id).toList());
        }
        return members.size() >= rule.count() ? new Decision(null, List.copyOf(members)) : Decision.NONE;
    }

    private static boolean within(Instant a, Instant b, Surge rule,
                                  BiFunction<Instant, WorkDuration, Instant> plus) {
        Instant first = a.isBefore(b) ? a : b;
        Instant last = a.isBefore(b) ? b : a;
        return !plus.apply(first, rule.within()).isBefore(last);
    }
}
