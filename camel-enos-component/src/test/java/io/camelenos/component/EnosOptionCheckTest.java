package io.camelenos.component;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one message format of a refused option: the option, the value as shown, the rule. */
class EnosOptionCheckTest {

    @Test
    void aRefusalNamesTheOptionTheQuotedValueAndTheRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnosOptionCheck.check(false, "pageSize", 0, "must be greater than 0"));
        assertEquals("Invalid value for option pageSize: '0' (must be greater than 0)", e.getMessage());
    }

    @Test
    void anUnsetValueReadsUnset() {
        assertEquals("Invalid value for option proxyPassword: unset (is required with proxyUsername)",
                EnosOptionCheck.invalid("proxyPassword", null, "is required with proxyUsername").getMessage());
    }

    @Test
    void aValueCannotForgeALogLine() {
        String message = EnosOptionCheck.invalid("stateKey", "a\n[main] INFO forged", "no line breaks").getMessage();
        assertEquals("Invalid value for option stateKey: 'a\\n[main] INFO forged' (no line breaks)", message);
    }

    @Test
    void aHiddenValueIsNeverShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnosOptionCheck.checkHidden(false, "appSecret", "is required unless a client is set"));
        assertEquals("Invalid value for option appSecret: (not shown) (is required unless a client is set)",
                e.getMessage());
    }

    @Test
    void anAcceptedValuePasses() {
        EnosOptionCheck.check(true, "pageSize", 10, "must be greater than 0");
        EnosOptionCheck.checkHidden(true, "appSecret", "is required");
        assertFalse(EnosOptionCheck.invalid("x", "y", "z").getMessage().isEmpty());
    }
}
