package ru.appealdesk.bot;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CardRepository extends JpaRepository<Card, Long> {

    @Query("select c from Card c where c.appealId = ?1 and c.active = true order by c.id")
    List<Card> activeOf(long appealId);
}
