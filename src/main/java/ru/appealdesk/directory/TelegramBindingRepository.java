package ru.appealdesk.directory;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TelegramBindingRepository extends JpaRepository<TelegramBinding, String> {

    Optional<TelegramBinding> findByTelegramUserId(long telegramUserId);
}
