package dev.sluice.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A sample's options: values by flag, and messages that name the flag that is wrong. */
class SampleArgsTest {
    private static final Set<String> FLAGS = Set.of("--bootstrap-server", "--records");

    private static String problem(final String... args) {
        return assertThrows(IllegalArgumentException.class,
            () -> SampleArgs.parse(args, FLAGS).intAtLeast("--records", 10, 1)).getMessage();
    }

    @Test
    void shouldReturnGivenValuesAndFallBackForMissingOnes() {
        final SampleArgs args = SampleArgs.parse(new String[] {"--records", "42"}, FLAGS);

        assertEquals(42, args.intAtLeast("--records", 10, 1));
        assertEquals("fallback", args.string("--bootstrap-server", "fallback"));
    }

    @Test
    void shouldNameTheFlagThatIsWrong() {
        assertEquals("unknown option --recrods", problem("--recrods", "5"));
        assertEquals("--records needs a value", problem("--records"));
        assertEquals("--records needs a value", problem("--records", "--bootstrap-server", "x:1"));
        assertEquals("--records is given twice", problem("--records", "1", "--records", "2"));
        assertEquals("--records must be a whole number, not 'many'", problem("--records", "many"));
        assertEquals("--records must be at least 1, not 0", problem("--records", "0"));
    }
}
