package ru.appealdesk.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time, expiring invite code; only its SHA-256 hash is stored. */
@Entity
@Table(name = "invite")
class Invite {

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "staff_id", nullable = false)
    private String staffId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "used_by")
    private Long usedBy;

    @Column(name = "used_in")
    private String usedIn;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Invite() {
    }

    Invite(String codeHash, String staffId, Instant createdAt, Instant expiresAt) {
        this.codeHash = codeHash;
        this.staffId = staffId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Spent by this account (a user id in its messenger). */
    void use(ru.appealdesk.chat.ChatAddress account, Instant at) {
        this.usedAt = at;
        this.usedBy = account.chatId();
        this.usedIn = account.messenger().name();
    }

    String staffId() {
        return staffId;
    }
}
