package ru.appealdesk.bot.dialogs;

import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.bot.cards.Buttons;
import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.bot.cards.Message;
import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealView;

/** The answer dialog's cards, drawn from facts alone: the type, the «варианты решения», the draft, the question. */
final class AnswerCards {

    /** The argument of «Свой текст». */
    static final String OWN_TEXT = "-";

    private AnswerCards() {
    }

    /**
     * The answer types: «Решено», «Не решено», then «Отложено» ({@code postponable}: the appeal may still be
     * postponed; «ещё раз» after a first postponement) and «Отклонено».
     */
    static Message typeChoice(AppealView a, boolean postponable) {
        // PRODUCT.md §9: the final answer after a postponement is «Решено», «Не решено» or «Отклонено»; a second
        // «Отложено» only where the secondary approver will agree it first (seed 000 п.14), never a third
        List<Button> second = new ArrayList<>(List.of(type(a, AnswerType.REJECTED, "🚫 ", "")));
        if (postponable) {
            second.add(0, type(a, AnswerType.POSTPONED, "⏳ ", a.postponeCount() == 0 ? "" : Words.AGAIN.text()));
        }
        // seed 004 п.13: a question to the applicant, approved and placed like an answer
        List<List<Button>> keyboard = List.of(
                List.of(type(a, AnswerType.RESOLVED, "✅ ", ""), type(a, AnswerType.NOT_RESOLVED, "⚠️ ", "")), second,
                List.of(type(a, AnswerType.CLARIFICATION, "❓ ", "")));
        return new Message(Words.CHOOSE_TYPE.text(Html.escape(a.number())), null, keyboard);
    }

    /** The «варианты решения» for the appeal's category and the chosen type, one a row, then «Свой текст». */
    static Message templates(AppealView a, List<AnswerTemplate> templates, String lead) {
        List<List<Button>> keyboard = new ArrayList<>();
        for (AnswerTemplate template : templates) {
            keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), template.id())
                    .button("📋 " + template.title())));
        }
        keyboard.add(List.of(new Callback(Action.TEMPLATE, a.id(), a.step(), OWN_TEXT)
                .button(Buttons.OWN_TEXT.text())));
        return new Message((templates.isEmpty() ? Words.NO_TEMPLATES : Words.OFFER_TEMPLATES).text(lead), null,
                keyboard);
    }

    /** Seed 000 п.15: how the applicant was told the result, before the answer goes for approval. */
    static Message notifiedQuestion(AppealView a) {
        return new Message(Words.ASK_APPLICANT_NOTIFIED.text(Html.escape(a.number())), null,
                List.of(List.of(new Callback(Action.NOTIFIED, a.id(), a.step(), "P")
                                .button(Buttons.NOTIFIED_BY_PHONE.text()),
                        new Callback(Action.NOTIFIED, a.id(), a.step(), "E")
                                .button(Buttons.NOTIFIED_BY_EMAIL.text()))));
    }

    /** «Отправить на согласование», and «Убрать вложения» once there are files. */
    static List<List<Button>> draftButtons(AppealView a, int step, int files) {
        List<List<Button>> keyboard = new ArrayList<>();
        keyboard.add(List.of(Callback.of(Action.SUBMIT, a.id(), step).button(Buttons.SUBMIT.text())));
        if (files > 0) {
            keyboard.add(List.of(Callback.of(Action.REMOVE_FILES, a.id(), step)
                    .button(Buttons.REMOVE_FILES.text(files))));
        }
        return keyboard;
    }

    /** The draft's header: what happened, the type, the files accepted, the photos and proof it needs. */
    static String draftHeader(AppealView a, String lead, AnswerType type, String acceptedFiles) {
        String photos = a.photos().isEmpty() ? "" : Words.APPLICANT_PHOTOS.text(a.photos().size());
        return Words.DRAFT.text(lead, Html.escape(type.title()), acceptedFiles, photos, proof(a));
    }

    /** Seed 004 п.20: a fast-track answer of Инцидент Менеджмент carries its proof. */
    static String proof(AppealView a) {
        return a.source() == Source.INCIDENT && a.priority() == Priority.FAST_TRACK ? Words.PROOF.text() : "";
    }

    /** The type's code in a button's data: its initial and ordinal. */
    static String code(AnswerType type) {
        return type.name().substring(0, 1) + type.ordinal();
    }

    private static Button type(AppealView a, AnswerType type, String emoji, String suffix) {
        return new Callback(Action.ANSWER_TYPE, a.id(), a.step(), code(type)).button(emoji + type.title() + suffix);
    }

    /** The words of the answer dialog's cards. */
    enum Words implements Text {
        AGAIN,
        CHOOSE_TYPE,
        OFFER_TEMPLATES,
        NO_TEMPLATES,
        ASK_APPLICANT_NOTIFIED,
        DRAFT,
        APPLICANT_PHOTOS,
        PROOF;

        @Override
        public String area() {
            return "bot.answer";
        }
    }
}
