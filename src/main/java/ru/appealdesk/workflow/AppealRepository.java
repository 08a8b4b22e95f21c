package ru.appealdesk.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import ru.appealdesk.directory.Source;

interface AppealRepository extends JpaRepository<Appeal, Long>, JpaSpecificationExecutor<Appeal> {

    /**
     * Holds, until the transaction ends, the registration of this portal number: a second request for the same
     * (source, externalId) at the same moment waits and then finds the first, instead of failing on the unique key
     * (which Hibernate logs as an ERROR although it is handled).
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtext(?1))) registration", nativeQuery = true)
    int lockRegistration(String key);

    // a JPQL string, translated once (a derived query is a new criteria query, translated on every call)
    @Query("select a from Appeal a where a.intake.source = ?1 and a.intake.externalId = ?2")
    Optional<Appeal> findBySourceAndExternalId(Source source, String externalId);

    /**
     * The appeals of a source and category about a street received since then (surge candidates), as the surge rule
     * reads them: not as entities, as a busy street has hundreds.
     */
    @Query("select a.id as id, a.terms.receivedAt as receivedAt, a.clusterId as clusterId, a.addressKey as addressKey "
            + "from Appeal a where a.intake.source = ?1 and a.intake.category = ?2 and a.streetKey = ?3 "
            + "and a.terms.receivedAt >= ?4 and a.id <> ?5 order by a.id")
    List<OnStreet> onStreetSince(Source source, String category, String streetKey, java.time.Instant since,
                                 long except);

    /** An appeal about a street as the surge rule reads it. */
    interface OnStreet {
        long getId();

        java.time.Instant getReceivedAt();

        Long getClusterId();

        String getAddressKey();
    }

    /** The appeals of a department received in {@code [from, until)}, in the order received. */
    @Query("select a from Appeal a where a.step.departmentId = ?1 and a.terms.receivedAt >= ?2 "
            + "and a.terms.receivedAt < ?3 order by a.terms.receivedAt, a.id")
    List<Appeal> receivedBy(String departmentId, java.time.Instant from, java.time.Instant until);

    /** The appeals of a surge's cluster, the first first. */
    @Query("select a from Appeal a where a.clusterId = ?1 order by a.id")
    List<Appeal> inCluster(long cluster);

    List<Appeal> findByIntakeExternalIdIgnoreCase(String externalId);

    /**
     * The ids of up to {@code limit} appeals a person holds in these statuses, the oldest first, locked until the
     * transaction ends; an appeal another transaction has locked (a person acting on it right now) is skipped.
     */
    @Query(value = "select id from appeal where executor_id = ?1 and status = any(cast(?2 as text[])) "
            + "order by id limit ?3 for no key update skip locked", nativeQuery = true)
    List<Long> lockHeldBy(String executorId, String[] statuses, int limit);

    /** How many appeals a person holds in these statuses. */
    @Query(value = "select count(*) from appeal where executor_id = ?1 and status = any(cast(?2 as text[]))",
            nativeQuery = true)
    long countHeldBy(String executorId, String[] statuses);

    /** The numbers of up to {@code limit} appeals a person holds in these statuses, the oldest first. */
    @Query(value = "select external_id from appeal where executor_id = ?1 and status = any(cast(?2 as text[])) "
            + "order by id limit ?3", nativeQuery = true)
    List<String> numbersHeldBy(String executorId, String[] statuses, int limit);

    /** Arrays rather than IN lists: a list of another length would be a new query to translate on every call. */
    @Query(value = "select executor_id as executorId, count(*) as open from appeal "
            + "where executor_id = any(cast(?1 as text[])) and status = any(cast(?2 as text[])) group by executor_id",
            nativeQuery = true)
    List<ExecutorLoad> loadOf(String[] executorIds, String[] open);

    /** Open appeals per executor. */
    interface ExecutorLoad {
        String getExecutorId();

        long getOpen();
    }
}
