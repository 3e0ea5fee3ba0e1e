package dev.warden.ui.shell;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;

/** Coloured badges with one meaning across the console: green is fine, amber needs a look, red is trouble. */
public final class StatusBadges {

    private StatusBadges() {
    }

    public static Badge good(String text) {
        return badge(text, BadgeVariant.SUCCESS);
    }

    public static Badge warning(String text) {
        return badge(text, BadgeVariant.WARNING);
    }

    public static Badge bad(String text) {
        return badge(text, BadgeVariant.ERROR);
    }

    public static Badge neutral(String text) {
        return badge(text, BadgeVariant.CONTRAST);
    }

    private static Badge badge(String text, BadgeVariant variant) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(variant, BadgeVariant.SMALL);
        return badge;
    }
}
