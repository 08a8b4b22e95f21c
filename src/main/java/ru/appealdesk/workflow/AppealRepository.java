package ru.appealdesk.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.directory.Source;

interface AppealRepository extends JpaRepository<Appeal, Long> {

    Optional<Appeal> findBySourceAndExternalId(Source source, String externalId);

    List<Appeal> findByExternalIdIgnoreCase(String externalId);

    @Query("select a.executorId as executorId, count(a) as open from Appeal a "
            + "where a.executorId in ?1 and a.status in ?2 group by a.executorId")
    List<ExecutorLoad> loadOf(Collection<String> executorIds, Collection<AppealStatus> open);

    @Query("select a from Appeal a where (?1 is null or a.status = ?1) and (?2 is null or a.executorId = ?2) "
            + "order by a.answerDueAt, a.id")
    List<Appeal> search(AppealStatus status, String executorId);

    @Query("select a from Appeal a where a.executorId = ?1 and a.status in ?2 order by a.answerDueAt, a.id")
    List<Appeal> openOf(String executorId, Collection<AppealStatus> statuses);

    /** Open appeals per executor. */
    interface ExecutorLoad {
        String getExecutorId();

        long getOpen();
    }
}
