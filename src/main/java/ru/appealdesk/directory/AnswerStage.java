package ru.appealdesk.directory;

/**
 * The stages of an answer that may have terms of their own (PRODUCT.md §13.2): the executor's draft, the approval,
 * the placement; {@code workflow.Transition.ending} names the transition that ends each and so whose it is.
 */
public enum AnswerStage {
    /** From receipt (or a reopen) to the draft's submission ({@code draft-within}). */
    DRAFT,
    /** From a submission to the approver's decision ({@code review-within}). */
    REVIEW,
    /** From the approval to «Размещено» ({@code place-within}). */
    PLACEMENT
}
