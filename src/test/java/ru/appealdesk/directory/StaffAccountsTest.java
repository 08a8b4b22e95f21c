package ru.appealdesk.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.support.DatabaseSliceTest;
import ru.appealdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity in both messengers (PRODUCT.md §14): an invite binds the account of the messenger it is redeemed in, a
 * person may be bound in both, and their cards go to the one they chose with /messenger, else the one staff.yml names,
 * else the one bound last. The sample bot-config with: glava {@code messenger: MAX}, orlov {@code telegram-id: 610001},
 * lebedeva {@code telegram-id: 610002} and {@code max-id: 620002}.
 */
@RecordApplicationEvents
@Import({StaffAccounts.class, AccountBindings.class, InviteCodes.class, StaffAccountsTest.Config.class})
class StaffAccountsTest extends DatabaseSliceTest {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEvents events;

    /** The directory of the sample, with accounts and a messenger given in staff.yml. */
    @TestConfiguration
    static class Config {
        @Bean
        DirectoryProperties directoryProperties() {
            return new DirectoryProperties(sample(), Duration.ofHours(72));
        }

        @Bean
        Directory directory(DirectoryProperties properties) {
            return Directory.load(properties.botConfigDir());
        }
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from account_binding");
        jdbc.update("delete from messenger_choice");
        jdbc.update("delete from invite");
        clock.set(START);
    }

    @Test
    void anInviteRedeemedInMaxBindsTheMaxAccountOnly() {
        StaffMember bound = redeem("nikitina", ChatAddress.max(9001)).orElseThrow();

        assertThat(bound.id()).isEqualTo("nikitina");
        assertThat(accounts.byAccount(ChatAddress.max(9001))).map(StaffMember::id).contains("nikitina");
        assertThat(accounts.byAccount(ChatAddress.telegram(9001))).isEmpty();
        assertThat(accounts.accountsOf("nikitina")).containsExactly(ChatAddress.max(9001));
        assertThat(accounts.addressOf("nikitina")).contains(ChatAddress.max(9001));
        assertThat(accounts.telegramIdOf("nikitina")).isEmpty();
        assertThat(jdbc.queryForObject("select used_in from invite", String.class)).isEqualTo("MAX");
        // the same number in Telegram is someone else
        redeem("zaitsev", ChatAddress.telegram(9001));
        assertThat(accounts.byTelegramUser(9001)).map(StaffMember::id).contains("zaitsev");
        assertThat(accounts.byAccount(ChatAddress.max(9001))).map(StaffMember::id).contains("nikitina");
    }

    @Test
    void aCodeWorksOnceWhicheverMessengerItIsRedeemedIn() {
        String code = accounts.issueInvite("nikitina").code();

        assertThat(accounts.redeemInvite(code, ChatAddress.max(9011))).isPresent();
        assertThat(accounts.redeemInvite(code, ChatAddress.telegram(9012))).isEmpty();
        assertThat(accounts.accountsOf("nikitina")).containsExactly(ChatAddress.max(9011));
    }

    @Test
    void boundInBothTheCardsGoToTheOneBoundLast() {
        redeem("nikitina", ChatAddress.telegram(9021));
        clock.advance(Duration.ofMinutes(1));
        redeem("nikitina", ChatAddress.max(9022));

        assertThat(accounts.accountsOf("nikitina")).containsExactly(ChatAddress.telegram(9021), ChatAddress.max(9022));
        assertThat(accounts.addressOf("nikitina")).contains(ChatAddress.max(9022));
        assertThat(accounts.telegramIdOf("nikitina")).contains(9021L);

        // binding the Telegram account again makes it the last bound
        clock.advance(Duration.ofMinutes(1));
        redeem("nikitina", ChatAddress.telegram(9021));
        assertThat(accounts.addressOf("nikitina")).contains(ChatAddress.telegram(9021));
        assertThat(events.stream(AccountReplaced.class)).isEmpty();
    }

    @Test
    void theMessengerOfStaffYmlOutranksTheOneBoundLastAndMessengerOutranksBoth() {
        redeem("glava", ChatAddress.max(9031));
        clock.advance(Duration.ofMinutes(1));
        redeem("glava", ChatAddress.telegram(9032));
        assertThat(accounts.addressOf("glava")).contains(ChatAddress.max(9031));

        assertThat(accounts.switchMessenger("glava")).contains(MessengerKind.TELEGRAM);
        assertThat(accounts.addressOf("glava")).contains(ChatAddress.telegram(9032));
        assertThat(jdbc.queryForObject("select messenger from messenger_choice where staff_id = 'glava'",
                String.class)).isEqualTo("TELEGRAM");

        // a later binding does not undo the person's choice
        clock.advance(Duration.ofMinutes(1));
        redeem("glava", ChatAddress.max(9031));
        assertThat(accounts.addressOf("glava")).contains(ChatAddress.telegram(9032));
        assertThat(accounts.switchMessenger("glava")).contains(MessengerKind.MAX);
        assertThat(accounts.addressOf("glava")).contains(ChatAddress.max(9031));
    }

    @Test
    void aPersonBoundInOneMessengerHasNothingToSwitchTo() {
        redeem("nikitina", ChatAddress.telegram(9041));
        // glava's staff.yml names MAX, where glava is not bound
        redeem("glava", ChatAddress.telegram(9042));

        assertThat(accounts.switchMessenger("nikitina")).isEmpty();
        assertThat(accounts.switchMessenger("glava")).isEmpty();
        assertThat(accounts.switchMessenger("fedorova")).isEmpty();
        assertThat(accounts.addressOf("nikitina")).contains(ChatAddress.telegram(9041));
        assertThat(accounts.addressOf("glava")).contains(ChatAddress.telegram(9042));
        assertThat(accounts.addressOf("fedorova")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from messenger_choice", Long.class)).isZero();
    }

    @Test
    void anAccountOfStaffYmlOutranksAnInviteInItsMessengerOnly() {
        // orlov's Telegram account is fixed in staff.yml: a code does not bind another Telegram account...
        assertThat(accounts.byTelegramUser(610001)).map(StaffMember::id).contains("orlov");
        String code = accounts.issueInvite("orlov").code();
        assertThat(accounts.redeemInvite(code, ChatAddress.telegram(9051))).isEmpty();
        assertThat(accounts.byTelegramUser(9051)).isEmpty();
        // ...and stays good for MAX, where it binds, bound after the account of staff.yml
        assertThat(accounts.redeemInvite(code, ChatAddress.max(9052))).map(StaffMember::id).contains("orlov");
        assertThat(accounts.accountsOf("orlov")).containsExactly(ChatAddress.telegram(610001), ChatAddress.max(9052));
        assertThat(accounts.addressOf("orlov")).contains(ChatAddress.max(9052));
        // an account of staff.yml is nobody else's by invite
        assertThat(redeem("nikitina", ChatAddress.telegram(610001))).isEmpty();
        assertThat(accounts.byTelegramUser(610001)).map(StaffMember::id).contains("orlov");

        // lebedeva has both in staff.yml: no invite for her, cards to Telegram (both "bound" at once)
        assertThat(accounts.byAccount(ChatAddress.max(620002))).map(StaffMember::id).contains("lebedeva");
        assertThatThrownBy(() -> accounts.issueInvite("lebedeva"))
                .isInstanceOf(StaffAccounts.ConfiguredAccountException.class);
        assertThat(accounts.addressOf("lebedeva")).contains(ChatAddress.telegram(610002));
        assertThat(accounts.switchMessenger("lebedeva")).contains(MessengerKind.MAX);
        assertThat(accounts.addressOf("lebedeva")).contains(ChatAddress.max(620002));
    }

    @Test
    void anAccountMoveInMaxTellsWhoWasReplaced() {
        redeem("nikitina", ChatAddress.telegram(9061));
        redeem("nikitina", ChatAddress.max(9062));
        clock.advance(Duration.ofMinutes(5));

        redeem("nikitina", ChatAddress.max(9063));

        assertThat(events.stream(AccountReplaced.class)).containsExactly(new AccountReplaced("nikitina",
                "Никитина Ольга Викторовна", ChatAddress.max(9062), ChatAddress.max(9063), clock.instant()));
        assertThat(accounts.byAccount(ChatAddress.max(9062))).isEmpty();
        assertThat(accounts.accountsOf("nikitina")).containsExactly(ChatAddress.telegram(9061), ChatAddress.max(9063));

        // an account redeemed for someone else leaves its former holder without telling them
        redeem("zaitsev", ChatAddress.max(9063));
        assertThat(accounts.byAccount(ChatAddress.max(9063))).map(StaffMember::id).contains("zaitsev");
        assertThat(accounts.accountsOf("nikitina")).containsExactly(ChatAddress.telegram(9061));
        assertThat(events.stream(AccountReplaced.class)).hasSize(1);
    }

    private java.util.Optional<StaffMember> redeem(String staffId, ChatAddress account) {
        return accounts.redeemInvite(accounts.issueInvite(staffId).code(), account);
    }

    private static Path sample() {
        try {
            Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(Path.of("target"), "bot-config");
            Path sample = Path.of("bot-config");
            try (Stream<Path> files = Files.walk(sample)) {
                for (Path p : files.toList()) {
                    Path target = dir.resolve(sample.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            Path staff = dir.resolve("staff.yml");
            Files.writeString(staff, Files.readString(staff)
                    .replace("  - id: glava\n", "  - id: glava\n    messenger: MAX\n")
                    .replace("  - id: orlov\n", "  - id: orlov\n    telegram-id: 610001\n")
                    .replace("  - id: lebedeva\n", "  - id: lebedeva\n    telegram-id: 610002\n    max-id: 620002\n"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
