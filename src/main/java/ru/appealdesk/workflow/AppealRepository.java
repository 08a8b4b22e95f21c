package ru.appealdesk.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.directory.Source;

interface AppealRepository extends JpaRepository<Appeal, Long>, JpaSpecificationExecutor<Appeal> {

    // a JPQL string, translated once (a derived query is a new criteria query, translated on every call)
    @Query("select a from Appeal a where a.source = ?1 and a.externalId = ?2")
    Optional<Appeal> findBySourceAndExternalId(Source source, String externalId);

    List<Appeal> findByExternalIdIgnoreCase(String externalId);

    @Query("select a.executorId as executorId, count(a) as open from Appeal a "
            + "where a.executorId in ?1 and a.status in ?2 group by a.executorId")
    List<ExecutorLoad> loadOf(Collection<String> executorIds, Collection<AppealStatus> open);

    /** Open appeals per executor. */
    interface ExecutorLoad {
        String getExecutorId();

        long getOpen();
    }
}
