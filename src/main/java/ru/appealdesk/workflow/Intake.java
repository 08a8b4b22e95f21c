package ru.appealdesk.workflow;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** What the applicant sent, as it came in: the portal's data, the applicant and their photos (more on a reopen). */
@Embeddable
class Intake {

    @Enumerated(EnumType.STRING)
    private Source source;
    @Column(name = "external_id")
    private String externalId;
    private String category;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private boolean fz59;
    @Column(name = "socially_significant")
    private boolean sociallySignificant;
    private String text;
    private String address;
    @Column(name = "applicant_name")
    private String applicantName;
    @Column(name = "applicant_phone")
    private String applicantPhone;
    @Column(name = "applicant_email")
    private String applicantEmail;
    @Column(name = "repeat_of")
    private String repeatOf;
    @Column(name = "registered_by")
    private String registeredBy;
    @ElementCollection
    @CollectionTable(name = "appeal_photo", joinColumns = @JoinColumn(name = "appeal_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    private List<String> photos = new ArrayList<>();

    protected Intake() {
    }

    Intake(NewAppeal request) {
        source = request.source();
        externalId = request.externalId();
        category = request.category();
        priority = request.priority();
        fz59 = request.fz59();
        sociallySignificant = request.sociallySignificant();
        text = request.text();
        address = request.address();
        if (request.applicant() != null) {
            applicantName = request.applicant().name();
            applicantPhone = request.applicant().phone();
            applicantEmail = request.applicant().email();
        }
        photos = new ArrayList<>(request.photos());
        repeatOf = request.repeatOf();
        registeredBy = request.registeredBy();
    }

    /**
     * What the applicant sent binds the answer: a fast-track INCIDENT answer proves the solution (seed 004 п.20), and
     * photos of the applicant are answered with photos.
     */
    void checkProof(List<AppealView.Attachment> attachments) {
        if (source == Source.INCIDENT && priority == Priority.FAST_TRACK && attachments.isEmpty()) {
            // seed 004 п.20: a fast-track answer proves the solution (or that there was no problem)
            throw new TransitionRefused(Reason.PROOF_REQUIRED, "a fast-track answer of INCIDENT needs a "
                    + "photo, a video or a document");
        }
        boolean hasPhoto = attachments.stream().anyMatch(a -> a.kind() == AttachmentKind.PHOTO);
        if (!photos.isEmpty() && !hasPhoto) {
            throw new TransitionRefused(Reason.PHOTOS_REQUIRED,
                    "the applicant attached photos, so the answer must carry photos too");
        }
    }

    /** The applicant disagreed and sent more photos. */
    void addPhotos(List<String> more) {
        photos.addAll(more);
    }

    Source source() {
        return source;
    }

    String externalId() {
        return externalId;
    }

    String category() {
        return category;
    }

    Priority priority() {
        return priority;
    }

    boolean fz59() {
        return fz59;
    }

    boolean sociallySignificant() {
        return sociallySignificant;
    }

    String text() {
        return text;
    }

    String address() {
        return address;
    }

    AppealView.Applicant applicant() {
        return new AppealView.Applicant(applicantName, applicantPhone, applicantEmail);
    }

    List<String> photos() {
        return List.copyOf(photos);
    }

    String repeatOf() {
        return repeatOf;
    }

    String registeredBy() {
        return registeredBy;
    }
}
