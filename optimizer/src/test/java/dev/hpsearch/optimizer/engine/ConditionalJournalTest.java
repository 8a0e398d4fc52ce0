package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An inactive value (null) survives the journal, so a resumed search sees the same canonical combination. */
class ConditionalJournalTest {
    @Test
    void inactiveValueRoundTripsThroughTheJournalAsNull() throws Exception {
        Combination c = new Combination(List.of(TextNode.valueOf("adam"), SearchSpace.INACTIVE, DoubleNode.valueOf(0.1)));

        String line = JournalCodec.encode(new JournalEvent.Suggest(5, 3, c, "grid", 7, 0));
        JournalEvent back = JournalCodec.decode(new ObjectMapper().readTree(line)).orElseThrow();

        assertThat(line).contains("[\"adam\",null,0.1]");
        assertThat(((JournalEvent.Suggest) back).combination()).isEqualTo(c);
    }
}
