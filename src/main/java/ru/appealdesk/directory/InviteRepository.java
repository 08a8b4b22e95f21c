package ru.appealdesk.directory;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InviteRepository extends JpaRepository<Invite, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invite i where i.codeHash = ?1")
    Optional<Invite> findForUpdate(String codeHash);
}
