package ru.appealdesk.dashboard;

import static ru.appealdesk.logging.LogSafe.safe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.web.Problems;

/**
 * Who may open the dashboard (PRODUCT.md §12). Everything under {@code /app} needs a viewer — a session cookie;
 * anonymous requests get 401 (the JSON API a problem, a page the sign-in page). Open are only {@code /login} (the
 * one-time link's page) and {@code POST /app/api/session} (a Mini App's initData for a session). Requests that change
 * something and ride on a cookie ({@code POST /app/api/logout}, the login form) need the CSRF token
 * ({@link DashboardCsrf}); the initData exchange does not, since it needs a header no other site can send. Pages may
 * be framed by Telegram's web client and nobody else, and load nothing from other origins.
 */
@Configuration
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DashboardSecurityConfiguration.class);
    private static final String SESSION_EXCHANGE = "/app/api/session";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, Sessions sessions, Directory directory,
                                          DashboardProperties properties) throws Exception {
        SignInPage signIn = new SignInPage();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (request.getRequestURI().startsWith("/app/api/")) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "Sign in: open the dashboard from the bot "
                        + "(/dashboard), or exchange the Mini App's initData at POST /app/api/session");
            } else {
                signIn.write(response, HttpStatus.UNAUTHORIZED.value());
            }
        };
        AccessDeniedHandler forbidden = (request, response, e) -> {
            if (!(e instanceof CsrfException)) {
                Problems.write(response, HttpStatus.FORBIDDEN, "Not allowed");
                return;
            }
            log.info("Refused {} {} from {}: no valid CSRF token", safe(request.getMethod()),
                    safe(request.getRequestURI()), safe(request.getRemoteAddr()));
            if (request.getRequestURI().equals("/login")) {
                DashboardPages.page(response, HttpStatus.FORBIDDEN, DashboardWords.REFUSED_TITLE.text(),
                        DashboardWords.REFUSED.text());
            } else {
                Problems.write(response, HttpStatus.FORBIDDEN, "A valid CSRF token is required: send the "
                        + DashboardCsrf.COOKIE + " cookie's value in " + DashboardCsrf.HEADER);
            }
        };
        http.securityMatcher("/app", "/app/**", "/login")
                .csrf(c -> c.csrfTokenRepository(DashboardCsrf.repository(properties.miniAppPossible()))
                        .csrfTokenRequestHandler(new DashboardCsrf())
                        // the viewer is authenticated anew on every request (no HTTP session): the token must not
                        // be replaced each time as after a sign-in, or the page's copy would never match
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .ignoringRequestMatchers(SESSION_EXCHANGE))
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SignInPage.POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new DashboardAuthenticationFilter(sessions, directory),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/login").permitAll()
                        .requestMatchers(HttpMethod.POST, SESSION_EXCHANGE).permitAll()
                        .requestMatchers("/app", "/app/**").hasRole(DashboardAuthenticationFilter.ROLE)
                        .anyRequest().denyAll());
        return http.build();
    }
}
