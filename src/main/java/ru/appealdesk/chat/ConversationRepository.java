package ru.appealdesk.chat;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<Conversation, Long> {
}
