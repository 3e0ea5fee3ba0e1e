package dev.warden.controller.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FileLocationTest {
    @Test
    void relativeFilePathsBecomeAbsoluteAndOptionsStay() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(H2FileLocation.absolute("jdbc:h2:file:data/controller/warden;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:" + cwd + "/data/controller/warden;AUTO_SERVER=FALSE");
        assertThat(H2FileLocation.absolute("jdbc:h2:file:./data/x")).isEqualTo("jdbc:h2:file:" + cwd + "/data/x");
        assertThat(H2FileLocation.absolute("jdbc:h2:file:/srv/warden/db")).isEqualTo("jdbc:h2:file:/srv/warden/db");
    }

    @Test
    void otherUrlsAreLeftAlone() {
        assertThat(H2FileLocation.absolute("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(H2FileLocation.absolute("jdbc:postgresql://localhost/warden")).isNull();
        assertThat(H2FileLocation.absolute("jdbc:h2:file:~/warden")).isEqualTo("jdbc:h2:file:~/warden");
        assertThat(H2FileLocation.absolute(null)).isNull();
    }
}
