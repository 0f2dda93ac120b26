package io.callops.mi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** List values given as {@code statistics="..."} are split as a shell would split them. */
class CliShellWordsPropertyTest {

    /** Whatever the words, quoting each as a shell would and splitting gives them back. */
    @Property(tries = 300)
    void singleQuotedWordsSplitBackToThemselves(@ForAll @Size(max = 6) List<@StringLength(max = 12) String> words) {
        String line = words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        assertThat(ShellWords.split(line)).isEqualTo(words);
    }

    /** Unquoted words without special characters are split on blanks, however many. */
    @Property(tries = 300)
    void plainWordsSplitOnAnyBlanks(@ForAll @Size(max = 6) List<@StringLength(min = 1, max = 8) @AlphaChars String> words,
                                    @ForAll @StringLength(min = 1, max = 3) @Chars({' ', '\t', '\n'}) String blanks) {
        assertThat(ShellWords.split(blanks + String.join(blanks, words) + blanks)).isEqualTo(words);
    }
}
