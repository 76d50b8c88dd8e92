package io.camelenos.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * JUnit 5 extension: one emulator per test class, started before the first test and closed after the last.
 * Faults and the request log are reset before each test; the data set and the clock are not.
 *
 * <pre>{@code
 * @RegisterExtension
 * static EnosSimulatorExtension enos = new EnosSimulatorExtension(b -> b.assets(500));
 * ... enos.simulator().baseUrl() ...
 * }</pre>
 * With {@code @ExtendWith(EnosSimulatorExtension.class)} the default emulator is injected as a test parameter.
 */
public final class EnosSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private final Consumer<EnosSimulator.Builder> customizer;
    private EnosSimulator simulator;

    public EnosSimulatorExtension() {
        this(b -> { });
    }

    public EnosSimulatorExtension(Consumer<EnosSimulator.Builder> customizer) {
        this.customizer = customizer;
    }

    public EnosSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the emulator starts before the first test of the class");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EnosSimulator.Builder builder = EnosSimulator.builder();
        customizer.accept(builder);
        simulator = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.faults().clear();
        simulator.requestLog().clear();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EnosSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }
}
