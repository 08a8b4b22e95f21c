import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service with Spring's start-up recording and prints where the time went: the steps that took longest
 * by their own time (less the steps inside them), then every kind of step summed. Run by scripts/startup-steps.sh.
 */
public class StartupSteps {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ru.appealdesk.AppealDeskApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(startup);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = app.run(args);
        System.out.printf("STEPS started in %.2f s%n", (System.nanoTime() - start) / 1e9);
        List<StartupTimeline.TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> inside = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) {
                inside.merge(parent, e.getDuration().toNanos(), Long::sum);
            }
        }
        record Row(long own, long all, String name, String tags) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Long> byKind = new TreeMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            long own = e.getDuration().toNanos() - inside.getOrDefault(e.getStartupStep().getId(), 0L);
            StringBuilder tags = new StringBuilder();
            e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue())
                    .append(' '));
            String shown = tags.length() > 120 ? tags.substring(0, 120) : tags.toString();
            rows.add(new Row(own, e.getDuration().toNanos(), e.getStartupStep().getName(), shown));
            byKind.merge(e.getStartupStep().getName(), own, Long::sum);
        }
        rows.sort((a, b) -> Long.compare(b.own(), a.own()));
        rows.stream().limit(25).forEach(r -> System.out.printf("STEPS own %6.0f ms (with inner steps %6.0f ms) %s %s%n",
                r.own() / 1e6, r.all() / 1e6, r.name(), r.tags()));
        byKind.forEach((kind, own) -> System.out.printf("STEPS kind %-45s %6.0f ms%n", kind, own / 1e6));
        context.close();
    }
}
