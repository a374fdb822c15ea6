package com.m4s.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void oneCharacterIsItsOwnGram() {
        assertThat(Like.grams(" 王 ")).isEqualTo("王");
        assertThat(Like.grams("A")).isEqualTo("a");
    }

    @Test
    void longerTextGivesItsNeighbouringPairsOnceEachLowerCaseWithoutWhiteSpace() {
        assertThat(Like.grams("王小明")).isEqualTo("王小 小明");
        assertThat(Like.grams("1388")).isEqualTo("13 38 88");
        assertThat(Like.grams("粤B 16")).isEqualTo("粤b 16");
        assertThat(Like.grams("aaaa")).isEqualTo("aa");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOne() {
        assertThat(Like.grams("𠀋")).isEqualTo("𠀋");
        assertThat(Like.grams("𠀋一")).isEqualTo("𠀋一");
    }

    @Test
    void blankTextHasNoGramsAndMatchesEverything() {
        assertThat(Like.grams(null)).isEmpty();
        assertThat(Like.grams("  ")).isEmpty();
        assertThat(Like.contains(null)).isEqualTo("%%");
    }

    @Test
    void containsEscapesWildcards() {
        assertThat(Like.contains("A_b%")).isEqualTo("%a\\_b\\%%");
    }
}
