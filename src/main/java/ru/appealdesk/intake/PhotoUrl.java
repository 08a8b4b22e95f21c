package ru.appealdesk.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A photo link the service may fetch: see {@link PhotoHosts}; the message says what is wrong, never the link. */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhotoUrl.Check.class)
@interface PhotoUrl {

    String message() default "is not a photo link the service may fetch";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the link against the configured portal hosts. */
    class Check implements ConstraintValidator<PhotoUrl, String> {

        private final PhotoHosts hosts;

        Check(PhotoHosts hosts) {
            this.hosts = hosts;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return hosts.refusal(value).map(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
