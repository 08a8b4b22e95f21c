package ru.appealdesk.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;

/** Routing: category → department → the least loaded of its executors (ties go to the first listed). */
@Component
class Router {

    private static final String[] OPEN = AppealStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);

    private final Directory directory;
    private final AppealRepository appeals;

    Router(Directory directory, AppealRepository appeals) {
        this.directory = directory;
        this.appeals = appeals;
    }

    Optional<StaffMember> pick(Category category) {
        List<StaffMember> candidates = directory.executorsFor(category);
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
