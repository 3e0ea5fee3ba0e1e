package dev.warden.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the console. Server push is on, so live events reach the browser without a reload; Lumo is loaded
 * explicitly because Vaadin 25 has no default theme.
 */
@SpringBootApplication
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
public class WardenConsole implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(WardenConsole.class, args);
    }
}
