using System.Text.RegularExpressions;

namespace Gongjian.Bot.Conversations.Bookings;

/// <summary>Slots and head counts as typed: “14:00-16:00”, “14点到16点”, “下午2点到4点”; “15”, “15人”.</summary>
public static partial class BookingTime
{
    public static (string Start, string End)? Read(string text)
    {
        var plain = Intents.Normalize(text).Replace('：', ':');
        if (Range().Match(plain) is not { Success: true } m) return null;
        var afternoon = plain.Contains("下午") || plain.Contains("晚上");
        int Hour(Group g) => int.Parse(g.Value) is var h && afternoon && h < 12 ? h + 12 : int.Parse(g.Value);
        var (sh, sm) = (Hour(m.Groups["sh"]), m.Groups["sm"].Success ? int.Parse(m.Groups["sm"].Value) : 0);
        var (eh, em) = (Hour(m.Groups["eh"]), m.Groups["em"].Success ? int.Parse(m.Groups["em"].Value) : 0);
        if (sh > 23 || eh > 24 || sm > 59 || em > 59 || eh == 24 && em > 0) return null;
        return ($"{sh:D2}:{sm:D2}", $"{eh:D2}:{em:D2}");
    }

    public static int? Count(string text) =>
        Number().Match(Intents.Normalize(text)) is { Success: true } m && int.TryParse(m.Value, out var n) ? n : null;

    /// <summary>A refusal about the time chosen (taken, outside the hours, not whole slots, already past): another slot may do.</summary>
    public static bool IsAboutTheSlot(string refusal) =>
        refusal.Contains("时段") || refusal.Contains("开放时间") || refusal.Contains("已经过去");

    [GeneratedRegex(@"(?<sh>\d{1,2})\s*(?:[:点]\s*(?<sm>\d{2})?)?\s*(?:分)?\s*(?:-|~|到|至|—|–)\s*(?:下午|晚上)?\s*(?<eh>\d{1,2})\s*(?:[:点]\s*(?<em>\d{2})?)?")]
    private static partial Regex Range();

    [GeneratedRegex(@"\d{1,5}")]
    private static partial Regex Number();
}
