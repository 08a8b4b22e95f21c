package ru.appealdesk.directory;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each seed's organisation ships as a profile under {@code bot-config/profiles/} (PRODUCT.md §13.1) and loads; where
 * the seeds differ, the difference is in its settings.
 */
class ProfilesTest {

    private static Directory profile(String name) {
        return Directory.load(Path.of("bot-config", "profiles", name));
    }

    @Test
    void ruzaWorksWithDobrodelPosAndEcurAsSeed000Says() {
        Directory ruza = profile("ruza");

        assertThat(ruza.organization().name()).isEqualTo("Администрация Рузского городского округа");
        SourceRegulation dobrodel = ruza.regulation(Source.DOBRODEL);
        assertThat(dobrodel.answerLead()).hasToString("2 days");                 // п.10, 12: двое суток
        assertThat(dobrodel.acceptWithin()).hasToString("24 hours");             // п.4-5
        assertThat(dobrodel.executorPlaces()).isTrue();                           // п.10, 12
        assertThat(dobrodel.postponeLimit()).isEqualTo(2);                        // п.14
        assertThat(dobrodel.notifyApplicant()).isTrue();                          // п.15
        assertThat(dobrodel.returnNeedsLegalBasis()).isTrue();                    // п.4
        assertThat(ruza.regulation(Source.ECUR).claimUntilMinute()).isEqualTo(15 * 60);     // п.7
        assertThat(ruza.regulation(Source.ECUR).returnAfterAcceptWithin()).hasToString("24 hours");  // п.9
        assertThat(ruza.secondaryApprover()).isPresent();                         // п.13
        assertThat(dobrodel.answerEvidence()).isTrue();                           // п.6
        assertThat(ruza.departments()).allMatch(Department::signedByDeputyHead);  // п.6
    }

    @Test
    void mytishchiRoutesDobrodelWithinTwoWorkingDaysAndApprovesInAChain() {
        Directory mytishchi = profile("mytishchi");

        SourceRegulation dobrodel = mytishchi.regulation(Source.DOBRODEL);
        assertThat(dobrodel.answerDeadline()).hasToString("8 working days");      // §3
        assertThat(dobrodel.unroutedWithin()).hasToString("2 working days");      // §4.4
        assertThat(dobrodel.coExecutorWithin()).hasToString("4 working days");    // §4.6
        assertThat(dobrodel.postponeMax()).hasToString("30 days");                // §4.6
        assertThat(dobrodel.executorPlaces()).isFalse();
        assertThat(dobrodel.answerEvidence()).isTrue();                           // §4.6
        assertThat(dobrodel.draftWithin()).hasToString("6 working days");        // §4.6
        assertThat(mytishchi.caseDecider()).map(StaffMember::id).contains("smirnova");  // §3
        assertThat(mytishchi.approvalChain("zhkh", "heating", "petrova")).extracting(StaffMember::id)
                .containsExactly("kuznetsova", "belov");                          // §4.6: the body's head, then ЦИОГВ
        assertThat(mytishchi.approvalChain("delami", "other", "egorova")).isEmpty();   // «Иное»: without ЦИОГВ,
        assertThat(mytishchi.approversFor("delami", "egorova")).extracting(StaffMember::id)
                .containsExactly("smirnova");                                     // the body's head alone
    }

    @Test
    void venevGivesPosThirtyOrTenDaysAndTheExecutorPlaces() {
        Directory venev = profile("venev");

        SourceRegulation pos = venev.regulation(Source.POS);
        assertThat(pos.answerDeadline()).hasToString("30 days");                   // п.7
        assertThat(pos.fastTrackAnswerDeadline()).hasToString("10 days");          // п.7
        assertThat(pos.postponedReassignAtPercent()).isEqualTo(75);                // п.10
        assertThat(pos.postponeMax()).isNull();                                    // п.10
        assertThat(pos.executorPlaces()).isTrue();                                 // п.4
        assertThat(venev.approversFor("gkh")).extracting(StaffMember::id).containsExactly("kuznetsova");  // п.8
        assertThat(pos.surge()).isNotNull();                                       // п.11
    }

    @Test
    void mamadyshPostponesOnceAndAgreesRedirects() {
        Directory mamadysh = profile("mamadysh");

        SourceRegulation pos = mamadysh.regulation(Source.POS);
        assertThat(pos.postponeLimit()).isEqualTo(1);                              // §3: не более 1 раза
        assertThat(pos.redirectNeedsApproval()).isTrue();                          // §2
        assertThat(mamadysh.category("heating").orElseThrow().fastTrackDays()).isEqualTo(3);  // §3: 3, 5, 7, 10
        assertThat(mamadysh.withRole(Role.CURATOR)).isNotEmpty();                  // §2
        assertThat(mamadysh.approvalChain("gkh", "heating", "petrova")).extracting(StaffMember::id)
                .containsExactly("smirnova", "glava");                             // согласует, утверждает
        assertThat(pos.draftWithin()).hasToString("60%");                          // §3: доля от общего срока
        assertThat(mamadysh.department("gkh").orElseThrow().newAppealsDigest()).isTrue();    // §2
    }

    @Test
    void krasnoufimskCountsIncidentTermsInYekaterinburgWorkingTime() {
        Directory krasnoufimsk = profile("krasnoufimsk");

        assertThat(krasnoufimsk.organization().timeZone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        SourceRegulation incident = krasnoufimsk.regulation(Source.INCIDENT);
        assertThat(incident.answerDeadline()).hasToString("6 working hours");      // п.12
        assertThat(incident.highPriorityAnswerDeadline()).hasToString("3 working hours");
        assertThat(incident.acceptWithin()).hasToString("30 working minutes");     // п.11
        assertThat(incident.unroutedWithin()).hasToString("30 working minutes");   // п.10
        assertThat(incident.returnNeedsLegalBasis()).isFalse();                    // п.11
        assertThat(krasnoufimsk.approversFor("gkh")).extracting(StaffMember::id).containsExactly("sokolova");
        assertThat(incident.placeWithin()).hasToString("30 working minutes");     // п.16
        assertThat(incident.coExecutorMaterialsToCoordinators()).isTrue();        // п.17.2
        assertThat(incident.surge()).isNotNull();                                  // п.25
    }
}
