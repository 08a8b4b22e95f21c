package ru.appealdesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The REST API's tokens; either left empty turns its part of the API off (every call refused).
 *
 * @param apiToken   the portals' intake token ({@code appealdesk.api-token}, set by {@code APPEALDESK_API_TOKEN})
 * @param adminToken the administration token ({@code appealdesk.admin-token}, set by
 *                   {@code APPEALDESK_ADMIN_TOKEN})
 */
@ConfigurationProperties("appealdesk")
record WebProperties(String apiToken, String adminToken) {

    WebProperties {
        apiToken = apiToken == null ? "" : apiToken;
        adminToken = adminToken == null ? "" : adminToken;
    }

    @Override
    public String toString() {
        return "WebProperties[apiToken=" + (apiToken.isEmpty() ? "" : "***") + ", adminToken="
                + (adminToken.isEmpty() ? "" : "***") + "]";
    }
}
