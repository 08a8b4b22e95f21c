package ru.appealdesk.dashboard;

import java.time.Clock;
import java.util.Optional;

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
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.telegram.TelegramProperties;
import ru.appealdesk.web.Problems;

/**
 * Who may open the dashboard (PRODUCT.md §12). Everything under {@code /app} needs a viewer — a session cookie or a
 * Mini App's signed initData; anonymous requests get 401 (the JSON API a problem, a page the sign-in page). Only
 * {@code /login} (the one-time link's page) is open. Pages may be framed by Telegram's web client and nobody else,
 * and load nothing from other origins.
 */
@Configuration
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, Credentials credentials, StaffAccounts accounts,
                                          Directory directory, Clock clock, TelegramProperties telegram,
                                          DashboardProperties properties) throws Exception {
        SignInPage signIn = new SignInPage();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (request.getRequestURI().startsWith("/app/api/")) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "Sign in: open the dashboard from the bot "
                        + "(/dashboard) or send the Mini App's initData in X-Telegram-Init-Data");
            } else {
                signIn.write(response, HttpStatus.UNAUTHORIZED.value());
            }
        };
        Optional<InitData> initData = telegram.enabled()
                ? Optional.of(new InitData(telegram.token(), properties.initDataMaxAge())) : Optional.empty();
        http.securityMatcher("/app", "/app/**", "/login")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SignInPage.POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response,
                                HttpStatus.FORBIDDEN, "Not allowed")))
                .addFilterBefore(new DashboardAuthenticationFilter(initData, credentials, accounts, directory, clock,
                        unauthorized), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/login").permitAll()
                        .requestMatchers(HttpMethod.POST, "/login").permitAll()
                        .requestMatchers("/app", "/app/**").hasRole(DashboardAuthenticationFilter.ROLE)
                        .anyRequest().denyAll());
        return http.build();
    }
}
