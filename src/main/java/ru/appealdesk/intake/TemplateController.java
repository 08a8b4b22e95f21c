package ru.appealdesk.intake;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import ru.appealdesk.directory.AnswerTemplate;
import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;

/**
 * {@code GET /api/templates}: the «варианты решения» of {@code templates.yml} for the portals' operators, optionally
 * of one category and answer type. Any API token may read them, whatever its sources and scopes: they hold no
 * appeal and no personal data.
 */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    /** One template with its placeholders unfilled. */
    record TemplateResource(String id, String category, String categoryName, String type, String title,
                            String text) {
    }

    private final Directory directory;

    TemplateController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<TemplateResource> list(@RequestParam(name = "category", required = false) String category,
                                @RequestParam(name = "type", required = false) String type) {
        if (category != null && directory.category(category).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown category '" + category + "'");
        }
        if (type != null && !AnswerTemplate.TYPES.contains(type)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown answer type '" + type + "': one of "
                    + AnswerTemplate.TYPES);
        }
        return directory.templates().stream()
                .filter(t -> category == null || t.category().equals(category))
                .filter(t -> type == null || t.type().equals(type))
                .map(t -> new TemplateResource(t.id(), t.category(),
                        directory.category(t.category()).map(Category::name).orElse(t.category()), t.type(),
                        t.title(), t.text()))
                .toList();
    }
}
