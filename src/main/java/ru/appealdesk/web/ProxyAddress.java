package ru.appealdesk.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An entry of {@code appealdesk.web.trusted-proxies}: an IP address or an IPv4 range, as {@link TrustedProxies} reads it. */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProxyAddress.Check.class)
@interface ProxyAddress {

    String message() default "is neither an IP address nor an IPv4 range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Refuses the entry with {@link TrustedProxies}' own explanation, which names the key and the entry. */
    class Check implements ConstraintValidator<ProxyAddress, String> {

        @Override
        public boolean isValid(String entry, ConstraintValidatorContext context) {
            try {
                TrustedProxies.pattern(List.of(entry));
                return true;
            } catch (IllegalArgumentException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(e.getMessage().replaceAll("([{}$\\\\])", "\\\\$1"))
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
