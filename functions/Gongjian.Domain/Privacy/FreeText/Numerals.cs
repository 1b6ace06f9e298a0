namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>The digits residents write: ASCII, full-width (０-９) and Chinese numerals read digit by digit (幺 and 两 included).</summary>
public static class Numerals
{
    /// <summary>The digit <paramref name="c"/> stands for, or -1. 十/百/千 are not digits: "一百五十" is an amount, not a number read out.</summary>
    public static int DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '零' or '〇' => 0,
        '一' or '幺' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    /// <summary>What residents put between groups of a number: "138 0538 1234", "0538-8221234", "+86.138…", "(0538)".</summary>
    public static bool IsSeparator(char c) => c is ' ' or '\u3000' or '\u00a0' or '-' or '－' or '—' or '–' or '.' or '·' or '．'
        or '(' or ')' or '（' or '）' or '_';

    public static bool IsCheckX(char c) => c is 'X' or 'x' or 'Ｘ' or 'ｘ';
}
