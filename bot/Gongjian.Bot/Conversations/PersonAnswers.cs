using Gongjian.Bot.Conversations.Resident;
using Gongjian.Domain.Privacy;

namespace Gongjian.Bot.Conversations;

/// <summary>
/// A person's real name and phone as typed for 报名, 预约 and 报到. Both are personal data: the bot never says them back in
/// full (the phone is shown as 138****5678, the name not at all), and they go nowhere but the module that needs them.
/// </summary>
public static class PersonAnswers
{
    public const int NameMax = 20;

    /// <summary>“王建国”, “我叫王建国”: two to twenty characters, no digits, not small talk.</summary>
    public static string? FullName(string text)
    {
        if (ResidentName.Introduction(text) is { } introduced && !introduced.EndsWith("先生/女士", StringComparison.Ordinal)) return introduced;
        var name = Intents.Normalize(text).Trim();
        return name.Length is >= 2 and <= NameMax && !name.Any(char.IsDigit) && SmallTalk.Read(text) is null && Intents.Bare(name).Length >= 2 ? name : null;
    }

    public static string? Phone(string text) => WishReader.Phone(text);

    public static string Masked(string phone) => PhoneNumber.Mask(phone);
}
