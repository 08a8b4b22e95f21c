package ru.appealdesk.web;

import static ru.appealdesk.logging.LogSafe.safe;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Deny by default: public are only {@code GET /actuator/health/**} (its status) and
 * {@code POST /telegram/webhook} and {@code POST /max/webhook} (which check the messenger's secret header
 * themselves). The connectors' tokens ({@code APPEALDESK_API_TOKENS}, {@code APPEALDESK_API_TOKEN}) reach
 * {@code /api/appeals/**},
 * {@code /api/reports/**} and {@code GET /api/templates}, where the controllers ask the caller's {@link ApiCaller}
 * about each appeal's source; the administration token ({@code APPEALDESK_ADMIN_TOKEN}) may use those and
 * {@code /api/staff/**}, {@code /api/outbox/**},
 * {@code GET /api/audit} and the other actuator endpoints. Paths are matched after the
 * strict request firewall has refused {@code ;}, encoded slashes, {@code //}, {@code /./} and {@code ..}, so the
 * rules see the path Spring MVC routes on.
 */
@Configuration
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final long MAX_BODY_BYTES = 256 * 1024;
    /** An import file (XLSX or CSV of a portal's export) may be larger; the multipart settings say the same. */
    static final long MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    /** Any portal's connector: what it may do with which appeals its {@link ApiCaller} says. */
    static final String CONNECTOR = "CONNECTOR";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, WebProperties tokens, SignInThrottle throttle)
            throws Exception {
        List<BearerTokenFilter.Credential> credentials = credentials(tokens);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, HttpStatus.UNAUTHORIZED,
                    "A valid 'Authorization: Bearer <token>' header is required");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                "This token may not do this; administration needs APPEALDESK_ADMIN_TOKEN");
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new BearerTokenFilter(credentials, unauthorized, throttle),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new BodyLimitFilter(MAX_BODY_BYTES, MAX_IMPORT_BYTES), AuthorizationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/telegram/webhook", "/max/webhook").permitAll()
                        .requestMatchers("/api/appeals", "/api/appeals/**").hasAnyRole(CONNECTOR, ADMIN)
                        .requestMatchers("/api/reports/**").hasAnyRole(CONNECTOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/templates").hasAnyRole(CONNECTOR, ADMIN)
                        .requestMatchers("/api/staff/**", "/api/outbox", "/api/outbox/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/audit").hasRole(ADMIN)
                        .requestMatchers("/actuator", "/actuator/**").hasRole(ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Every token as a credential: the connectors of {@code APPEALDESK_API_TOKENS}, {@code APPEALDESK_API_TOKEN}
     * (every source and scope) and the administration token. A refused entry stops the start-up.
     */
    private static List<BearerTokenFilter.Credential> credentials(WebProperties tokens) {
        String defaultToken = tokens.apiToken().strip();
        String adminToken = tokens.adminToken().strip();
        if (!defaultToken.isEmpty() && defaultToken.equals(adminToken)) {
            throw new IllegalStateException("APPEALDESK_ADMIN_TOKEN must differ from APPEALDESK_API_TOKEN: "
                    + "the portals' token must not be able to administer the service");
        }
        List<BearerTokenFilter.Credential> credentials = new ArrayList<>();
        for (ApiTokens.Entry entry : ApiTokens.parse(tokens.apiTokens(), defaultToken, adminToken)) {
            log.info("API connector '{}': sources {}, scopes {}", entry.caller().name(), entry.caller().sources(),
                    entry.caller().scopes().stream().map(ApiScope::label).toList());
            credentials.add(BearerTokenFilter.Credential.of(entry.caller(), CONNECTOR, entry.token()));
        }
        if (!defaultToken.isEmpty()) {
            warnIfShort("APPEALDESK_API_TOKEN", defaultToken);
            credentials.add(BearerTokenFilter.Credential.of(ApiCaller.everything(ApiCaller.DEFAULT), CONNECTOR,
                    defaultToken));
        }
        if (credentials.isEmpty()) {
            log.warn("Neither APPEALDESK_API_TOKENS nor APPEALDESK_API_TOKEN is set: the portals' API refuses every "
                    + "request");
        }
        if (adminToken.isEmpty()) {
            log.warn("APPEALDESK_ADMIN_TOKEN is not set: invites, the outbox and metrics refuse every request");
        } else {
            warnIfShort("APPEALDESK_ADMIN_TOKEN", adminToken);
            credentials.add(BearerTokenFilter.Credential.of(ApiCaller.everything(ApiCaller.ADMIN), ADMIN, adminToken));
        }
        return credentials;
    }

    /** The two single tokens predate the rule; they are not refused, to keep existing set-ups running. */
    private static void warnIfShort(String variable, String token) {
        if (token.length() < ApiTokens.MIN_TOKEN_LENGTH) {
            log.warn("{} is shorter than {} characters: replace it with a long random value (openssl rand -hex 32)",
                    variable, ApiTokens.MIN_TOKEN_LENGTH);
        }
    }

    /** The strict firewall (Spring Security's default, made explicit): no {@code ;}, {@code %2F}, {@code //}... */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    /** A request the firewall refuses gets 400 with a problem body, not a stack trace in the log. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> {
            log.info("Refused a request with a malformed path from {}: {}", safe(request.getRemoteAddr()),
                    safe(e.getMessage()));
            Problems.write(response, HttpStatus.BAD_REQUEST,
                    "The request path is not allowed (path parameters, encoded or doubled slashes, dot segments)");
        };
    }
}
