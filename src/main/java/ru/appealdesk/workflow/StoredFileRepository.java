package ru.appealdesk.workflow;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredFileRepository extends JpaRepository<StoredFile, UUID> {
}
