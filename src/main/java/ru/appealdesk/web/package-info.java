/**
 * HTTP security for every endpoint: Spring Security's filter chain with its request firewall, bearer tokens for
 * the portals' intake and for administration, and a bound on request bodies. Deny by default.
 */
package ru.appealdesk.web;
