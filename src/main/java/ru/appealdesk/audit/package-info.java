/**
 * The audit log of PRODUCT.md §15: every reading of an applicant's contacts and every deletion of personal data by
 * retention, written through {@link ru.appealdesk.audit.AuditLog} and read with {@code GET /api/audit}.
 */
package ru.appealdesk.audit;
