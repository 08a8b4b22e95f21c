package ru.appealdesk.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An entry of {@code appealdesk.web.trusted-proxies}: an IP address or an IPv4 range, as {@link TrustedProxies} reads
 * it.
 */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TrustedProxies.EntryCheck.class)
@interface ProxyAddress {

    String message() default "is neither an IP address nor an IPv4 range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
