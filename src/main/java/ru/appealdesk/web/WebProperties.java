package ru.appealdesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The REST API's tokens; an empty one opens nothing. The connectors' entries are checked when the security
 * configuration is built ({@link ApiTokens}), so that a refused entry is reported by name, never by its value.
 *
 * @param apiToken   one token for every source and scope ({@code appealdesk.api-token}, set by
 *                   {@code APPEALDESK_API_TOKEN}; kept for a single connector)
 * @param apiTokens  the connectors' tokens with their sources and scopes ({@code appealdesk.api-tokens}, set by
 *                   {@code APPEALDESK_API_TOKENS}; PRODUCT.md §15)
 * @param adminToken the administration token ({@code appealdesk.admin-token}, set by
 *                   {@code APPEALDESK_ADMIN_TOKEN})
 */
@ConfigurationProperties("appealdesk")
record WebProperties(String apiToken, String apiTokens, String adminToken) {

    WebProperties {
        apiToken = apiToken == null ? "" : apiToken;
        apiTokens = apiTokens == null ? "" : apiTokens;
        adminToken = adminToken == null ? "" : adminToken;
    }

    @Override
    public String toString() {
        return "WebProperties[apiToken=" + hidden(apiToken) + ", apiTokens=" + hidden(apiTokens) + ", adminToken="
                + hidden(adminToken) + "]";
    }

    private static String hidden(String value) {
        return value.isEmpty() ? "" : "***";
    }
}
