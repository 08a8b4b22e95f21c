package ru.appealdesk.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An entry of {@code appealdesk.intake.photo-hosts}, as {@link PhotoHosts.Rule#parse} reads it. */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhotoHosts.EntryCheck.class)
@interface PhotoHost {

    String message() default "is not a host name, *.domain or IPv4 address with an optional http:// and :port";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
