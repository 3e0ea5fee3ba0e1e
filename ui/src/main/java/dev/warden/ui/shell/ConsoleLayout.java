package dev.warden.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.warden.ui.door.DoorsView;
import dev.warden.ui.live.LiveView;
import dev.warden.ui.signin.CurrentOperator;
import dev.warden.ui.signin.SignInView;
import java.util.Objects;

/**
 * The frame of every signed-in view: one header line (the product, the views, who is signed in with which roles,
 * sign-out) above the view, which gets all the rest of the screen.
 */
public class ConsoleLayout extends VerticalLayout implements RouterLayout, AfterNavigationObserver {

    private final CurrentOperator currentOperator;
    private final Span operatorName = new Span();
    private final Span operatorRoles = new Span();
    private final Div content = new Div();

    public ConsoleLayout(CurrentOperator currentOperator) {
        this.currentOperator = currentOperator;

        Span product = new Span("Warden");
        product.addClassNames(LumoUtility.FontWeight.BOLD, LumoUtility.FontSize.LARGE);
        HorizontalLayout views = new HorizontalLayout(link("Live", LiveView.class), link("Doors", DoorsView.class));

        operatorName.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        operatorName.setId("operator-name");
        operatorRoles.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        operatorRoles.setId("operator-roles");
        Button signOut = new Button("Sign out", click -> {
            currentOperator.signOut();
            getUI().ifPresent(ui -> ui.navigate(SignInView.class));
        });
        signOut.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        HorizontalLayout operator = new HorizontalLayout(operatorName, operatorRoles, signOut);
        operator.setAlignItems(FlexComponent.Alignment.BASELINE);
        operator.addClassNames(LumoUtility.Margin.Left.AUTO);

        HorizontalLayout bar = new HorizontalLayout(product, views, operator);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassNames(LumoUtility.Gap.LARGE);
        Header header = new Header(bar);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Background.CONTRAST_5, LumoUtility.BoxSizing.BORDER);

        content.setWidthFull();
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Overflow.HIDDEN);
        add(header, content);
        expand(content);
        setSizeFull();
        setPadding(false);
        setSpacing(false);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(Objects.requireNonNull(view.getElement()));
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        currentOperator.get().ifPresent(operator -> {
            operatorName.setText(operator.username());
            operatorRoles.setText(String.join(" · ", operator.roles()));
        });
    }

    private static RouterLink link(String text, Class<? extends Component> view) {
        RouterLink link = new RouterLink(text, view);
        link.addClassNames(LumoUtility.FontWeight.MEDIUM, LumoUtility.TextColor.SECONDARY);
        link.setHighlightAction((target, highlighted) -> {
            target.getClassNames().set(LumoUtility.TextColor.PRIMARY, highlighted);
            target.getClassNames().set(LumoUtility.TextColor.SECONDARY, !highlighted);
        });
        return link;
    }
}
