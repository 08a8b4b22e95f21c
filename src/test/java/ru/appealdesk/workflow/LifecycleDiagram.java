package ru.appealdesk.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lifecycle diagram of docs/ARCHITECTURE.md (Mermaid stateDiagram-v2), drawn from the {@link Transition} table:
 * one arrow per pair of statuses, labelled with the history types of the transitions between them and who acts.
 * Notes (entries that change no step) are left out; the text under the diagram names them.
 */
public final class LifecycleDiagram {

    private LifecycleDiagram() {
    }

    /** The fenced Mermaid block. */
    public static String mermaid() {
        Map<String, Map<String, List<String>>> arrows = new LinkedHashMap<>();
        for (Transition t : Transition.values()) {
            if (t.records().get(0).note()) {
                continue;
            }
            List<Optional<AppealStatus>> froms = new ArrayList<>();
            if (t.from().isEmpty()) {
                froms.add(Optional.empty());
            }
            for (AppealStatus s : AppealStatus.values()) {
                if (t.startsIn(s)) {
                    froms.add(Optional.of(s));
                }
            }
            for (Optional<AppealStatus> from : froms) {
                String to = t.to().or(() -> from).map(Enum::name).orElseThrow();
                arrows.computeIfAbsent(from.map(Enum::name).orElse("[*]") + " --> " + to, k -> new LinkedHashMap<>())
                        .computeIfAbsent(what(t), k -> new ArrayList<>());
                List<String> actors = arrows.get(from.map(Enum::name).orElse("[*]") + " --> " + to).get(what(t));
                if (!actors.contains(who(t))) {
                    actors.add(who(t)); // the approver's «Согласовать» and the deputy head's «Подписать» are one arrow
                }
            }
        }
        StringBuilder out = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        arrows.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(LifecycleDiagram::order))).forEach(e ->
                out.append("    ").append(e.getKey()).append(": ").append(e.getValue().entrySet().stream()
                        .map(w -> w.getKey() + " (" + String.join(", ", w.getValue()) + ")")
                        .collect(Collectors.joining(" / "))).append('\n'));
        return out.append("    CLOSED --> [*]\n```\n").toString();
    }

    /** Arrows from the start first, then by the status they leave and the one they reach, in the enum's order. */
    private static String order(String arrow) {
        String[] ends = arrow.split(" --> ");
        return rank(ends[0]) + rank(ends[1]);
    }

    private static String rank(String status) {
        return status.equals("[*]") ? "00" : String.format(Locale.ROOT, "%02d", AppealStatus.valueOf(status).ordinal() + 1);
    }

    /** The history types it records (the closings without an answer as one). */
    private static String what(Transition t) {
        List<String> types = t.records().stream().filter(h -> !h.note()).map(Enum::name).toList();
        return types.stream().allMatch(h -> h.startsWith("CLOSED_")) ? "CLOSED_*" : String.join("/", types);
    }

    private static String who(Transition t) {
        return t.actor().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
