package ru.appealdesk.directory;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InviteRepository extends JpaRepository<Invite, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invite i where i.codeHash = ?1")
    Optional<Invite> findForUpdate(String codeHash);

    /** Revokes the staff member's unused invites; returns how many. */
    @Modifying
    @Query("update Invite i set i.revokedAt = ?2 where i.staffId = ?1 and i.usedAt is null and i.revokedAt is null")
    int revokeUnused(String staffId, java.time.Instant at);
}
