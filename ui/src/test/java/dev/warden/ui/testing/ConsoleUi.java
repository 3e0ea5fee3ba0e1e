package dev.warden.ui.testing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.github.mvysny.kaributesting.v10.MockRouteNotFoundError;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import dev.warden.ui.door.DoorsView;
import dev.warden.ui.live.LiveView;
import dev.warden.ui.shell.SiteTime;
import dev.warden.ui.signin.CurrentOperator;
import dev.warden.ui.signin.SignInGuard;
import dev.warden.ui.signin.SignInView;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the console in Karibu-Testing (no browser, no servlet container, no Spring) against a {@link
 * FakeController}. Views get their collaborators by constructor, as Spring gives them in production; the sign-in
 * guard is installed as a service init listener, as Spring does. Site time is UTC.
 */
public final class ConsoleUi {

    private static final Routes ROUTES = new Routes(
            Set.of(SignInView.class, LiveView.class, DoorsView.class),
            Set.<Class<? extends HasErrorParameter<?>>>of(MockRouteNotFoundError.class),
            true);

    private ConsoleUi() {
    }

    public static void start(FakeController controller, Clock clock) {
        CurrentOperator currentOperator = new CurrentOperator(clock);
        List<Object> beans = List.of(controller, clock, currentOperator, new SiteTime(ZoneOffset.UTC),
                new SignInGuard(currentOperator));
        MockVaadin.setup(UI::new, new Servlet(beans));
    }

    public static void stop() {
        MockVaadin.tearDown();
    }

    /** Opens the sign-in view and signs in as a guard would. */
    public static void signIn(String username, String password) {
        UI.getCurrent().navigate(SignInView.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), password);
        _click(_get(Button.class, spec -> spec.withText("Sign in")));
    }

    /** The view the UI shows now. */
    public static Class<?> currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getClass();
    }

    /** Runs what background threads queued with {@code UI.access}, as the end of a request would. */
    public static void runPushedChanges() {
        MockVaadin.runUIQueue();
    }

    private static final class Servlet extends MockVaadinServlet {
        private final transient List<Object> beans;

        Servlet(List<Object> beans) {
            super(ROUTES, UI::new);
            this.beans = beans;
        }

        @Override
        protected VaadinServletService createServletService(DeploymentConfiguration configuration)
                throws ServiceException {
            MockService service = new MockService(this, configuration, getUiFactory()) {
                @Override
                protected Instantiator createInstantiator() {
                    return new BeanInstantiator(this, beans);
                }
            };
            service.init();
            getRoutes().register((VaadinServletContext) service.getContext());
            return service;
        }
    }

    /** Builds the console's classes by their widest public constructor, from the given beans. */
    private static final class BeanInstantiator extends DefaultInstantiator {
        private final transient List<Object> beans;

        BeanInstantiator(VaadinService service, List<Object> beans) {
            super(service);
            this.beans = beans;
        }

        @Override
        public Stream<VaadinServiceInitListener> getServiceInitListeners() {
            return Stream.concat(super.getServiceInitListeners(),
                    beans.stream().filter(VaadinServiceInitListener.class::isInstance)
                            .map(VaadinServiceInitListener.class::cast));
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            if (!type.getPackageName().startsWith("dev.warden.ui")) {
                return super.getOrCreate(type);
            }
            Constructor<?> constructor = Arrays.stream(type.getConstructors())
                    .max(Comparator.comparingInt(Constructor::getParameterCount))
                    .orElseThrow(() -> new IllegalStateException(type + " has no public constructor"));
            Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(this::bean).toArray();
            try {
                return type.cast(constructor.newInstance(arguments));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("building " + type.getSimpleName() + " failed", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
        }

        private Object bean(Class<?> type) {
            List<Object> matches = beans.stream().filter(type::isInstance).toList();
            if (matches.size() != 1) {
                throw new IllegalStateException("expected one bean of " + type + ", found " + matches.size());
            }
            return matches.getFirst();
        }
    }
}
