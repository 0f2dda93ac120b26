package io.callops.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTextsTest {
    private final List<Integer> formatted = new ArrayList<>();
    private final RecentTexts<Integer> texts = new RecentTexts<>(4, k -> {
        formatted.add(k);
        return "#" + k;
    });

    @Test
    void aRecentValueIsFormattedOnce() {
        assertThat(texts.of(1)).isEqualTo("#1");
        assertThat(texts.of(1)).isEqualTo("#1");
        assertThat(formatted).containsExactly(1);
    }

    @Test
    void valuesSharingASlotEachGetTheirOwnText() {
        // 1 and 5 fall into the same of four slots: the later one takes it over.
        assertThat(texts.of(1)).isEqualTo("#1");
        assertThat(texts.of(5)).isEqualTo("#5");
        assertThat(texts.of(1)).isEqualTo("#1");
        assertThat(formatted).containsExactly(1, 5, 1);
    }

    @Test
    void theSlotCountMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new RecentTexts<Integer>(12, String::valueOf)).isInstanceOf(IllegalArgumentException.class);
    }
}
