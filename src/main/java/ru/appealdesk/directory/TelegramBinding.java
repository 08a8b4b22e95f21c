package ru.appealdesk.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A staff member bound to a Telegram user through an invite code. */
@Entity
@Table(name = "telegram_binding")
class TelegramBinding {

    @Id
    @Column(name = "staff_id")
    private String staffId;

    @Column(name = "telegram_user_id", nullable = false, unique = true)
    private long telegramUserId;

    @Column(name = "bound_at", nullable = false)
    private Instant boundAt;

    protected TelegramBinding() {
    }

    TelegramBinding(String staffId, long telegramUserId, Instant boundAt) {
        this.staffId = staffId;
        this.telegramUserId = telegramUserId;
        this.boundAt = boundAt;
    }

    String staffId() {
        return staffId;
    }

    long telegramUserId() {
        return telegramUserId;
    }

    void rebind(long userId, Instant at) {
        this.telegramUserId = userId;
        this.boundAt = at;
    }
}
