package ru.appealdesk.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;

/**
 * Routing: category → department → the least loaded of its executors who are not away today (ties go to the first
 * listed); nobody when all of them are away.
 */
@Component
class Router {

    private static final String[] OPEN = AppealStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);

    private final Directory directory;
    private final AppealRepository appeals;
    private final Absences absences;

    Router(Directory directory, AppealRepository appeals, Absences absences) {
        this.directory = directory;
        this.appeals = appeals;
        this.absences = absences;
    }

    Optional<StaffMember> pick(Category category) {
        List<StaffMember> all = directory.executorsFor(category);
        java.util.Set<String> away = absences.absentAmong(all.stream().map(StaffMember::id).toList());
        List<StaffMember> candidates = all.stream().filter(s -> !away.contains(s.id())).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> load = appeals.loadOf(candidates.stream().map(StaffMember::id).toArray(String[]::new),
                        OPEN).stream()
                .collect(Collectors.toMap(AppealRepository.ExecutorLoad::getExecutorId,
                        AppealRepository.ExecutorLoad::getOpen));
        StaffMember best = candidates.get(0);
        for (StaffMember candidate : candidates) {
            if (load.getOrDefault(candidate.id(), 0L) < load.getOrDefault(best.id(), 0L)) {
                best = candidate;
            }
        }
        return Optional.of(best);
    }
}
