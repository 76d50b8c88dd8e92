package io.camelenos.kamelets.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/** The {@code camel} command of Camel JBang, as a main class (CamelJBangMain has none of its own). */
public final class JBangLauncher {

    private JBangLauncher() {
    }

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
