package ru.appealdesk.text;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog is the application context's {@code messageSource}: Spring's own messages read the same file. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    MessageSource messageSource() {
        return Catalog.source();
    }
}
