package dev.hpsearch.app.gui.search;

import java.util.List;
import java.util.Set;

/**
 * One variable of the seed's search_config.json table, as the form shows it.
 *
 * @param key            the JSON key ({@code bopt_config.kernel} for nested bopt settings)
 * @param group          where the form puts it
 * @param kind           what editor it gets
 * @param choices        allowed values for choice and multi-choice fields
 * @param recommendation the seed's recommended value, used as default (text as typed in the form)
 * @param mustDecide     the seed's "you must decide" column
 * @param appliesTo      search types for which the field matters; empty = all
 * @param description    the seed's description
 */
public record FieldSpec(String key, Group group, Kind kind, List<String> choices, String recommendation,
                        boolean mustDecide, Set<String> appliesTo, String description) {
    /** Form sections. */
    public enum Group { BASICS, BOPT, COORDINATOR }

    /** Editors. */
    public enum Kind { CHOICE, INTEGER, NUMBER, TEXT, BOOLEAN, MULTI, FAILURE, OPTIONAL_INTEGER }

    public FieldSpec {
        choices = List.copyOf(choices);
        appliesTo = Set.copyOf(appliesTo);
    }

    /** The key inside bopt_config, or {@code null} for a top-level key. */
    public String boptKey() {
        return key.startsWith("bopt_config.") ? key.substring("bopt_config.".length()) : null;
    }

    public boolean appliesTo(String searchType) {
        return appliesTo.isEmpty() || appliesTo.contains(searchType);
    }

    /** The label shown beside the editor. */
    public String label() {
        String k = boptKey() == null ? key : boptKey();
        return k.replace('_', ' ');
    }
}
