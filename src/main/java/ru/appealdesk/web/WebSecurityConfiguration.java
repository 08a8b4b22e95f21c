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
 * Who may call what. Deny by default: public are only {@code GET /actuator/health/**} and
 * {@code POST /telegram/webhook} (which checks Telegram's secret header itself). The portals' intake token
 * ({@code APPEALDESK_API_TOKEN}) may use {@code /api/appeals/**}; the administration token
 * ({@code APPEALDESK_ADMIN_TOKEN}) may use that and {@code /api/staff/**}, {@code /api/outbox/**} and the other
 * actuator endpoints. Paths are matched after the strict request firewall has refused {@code ;}, encoded slashes,
 * {@code //}, {@code /./} and {@code ..}, so the rules see the path Spring MVC routes on.
 */
@Configuration
class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    static final long MAX_BODY_BYTES = 256 * 1024;
    /** An import file (XLSX or CSV of a portal's export) may be larger; the multipart settings say the same. */
    static final long MAX_IMPORT_BYTES = 10 * 1024 * 1024;
    static final String INTAKE = "INTAKE";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, WebProperties tokens, SignInThrottle throttle)
            throws Exception {
        List<BearerTokenFilter.Credential> credentials = credentials(tokens.apiToken(), tokens.adminToken());
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
                        .requestMatchers(HttpMethod.POST, "/telegram/webhook").permitAll()
                        .requestMatchers("/api/appeals", "/api/appeals/**").hasAnyRole(INTAKE, ADMIN)
                        .requestMatchers("/api/reports/**").hasAnyRole(INTAKE, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/templates").hasAnyRole(INTAKE, ADMIN)
                        .requestMatchers("/api/staff/**", "/api/outbox", "/api/outbox/**").hasRole(ADMIN)
                        .requestMatchers("/actuator", "/actuator/**").hasRole(ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }

    private static List<BearerTokenFilter.Credential> credentials(String intakeToken, String adminToken) {
        if (!intakeToken.isBlank() && intakeToken.trim().equals(adminToken.trim())) {
            throw new IllegalStateException("APPEALDESK_ADMIN_TOKEN must differ from APPEALDESK_API_TOKEN: "
                    + "the portals' token must not be able to administer the service");
        }
        List<BearerTokenFilter.Credential> credentials = new ArrayList<>();
        if (intakeToken.isBlank()) {
            log.warn("APPEALDESK_API_TOKEN is not set: /api/appeals refuses every request");
        } else {
            credentials.add(BearerTokenFilter.Credential.of("intake", INTAKE, intakeToken.trim()));
        }
        if (adminToken.isBlank()) {
            log.warn("APPEALDESK_ADMIN_TOKEN is not set: invites, the outbox and metrics refuse every request");
        } else {
            credentials.add(BearerTokenFilter.Credential.of("admin", ADMIN, adminToken.trim()));
        }
        return credentials;
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
