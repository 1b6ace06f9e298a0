using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjian.Bot.Activities;

namespace Gongjian.Bot.Conversations;

public enum IntentKind
{
    None, Cancel, Help, Greeting, PlaceOrder, Progress, MyRatings, Track, Bind, Unbind, Accept, Decline, Complete, CancelOrder,
    PostMicroWish, MyMicroWishes, TrackMicroWish, WithdrawMicroWish, ConfirmMicroWish, ListProjects, ShowProject, ClaimProject,
    ListActivities, JoinActivity, CancelRegistration, MyActivities, BookRoom, MyBookings, CancelBooking, Report, MyHours,
    RaiseTopic, MyTopics,
}

/// <summary>What a message asks for, with the order id (a wish's or project's id for theirs), tracking code or binding code it carries.</summary>
public sealed record Intent(IntentKind Kind, string? OrderId = null, string? Code = null);

/// <summary>
/// Reads commands from short, imperfect messages: full-width characters and stray punctuation are
/// tolerated, card buttons arrive as structured values or as their text.
/// </summary>
public static partial class Intents
{
    private static readonly HashSet<string> CancelWords = ["取消", "算了", "不要了", "退出", "不办了", "cancel"];
    private static readonly HashSet<string> HelpWords = ["帮助", "help", "?", "怎么用", "菜单", "你能做什么", "使用说明"];
    private static readonly HashSet<string> GreetingWords = ["你好", "您好", "hi", "hello", "在吗", "嗨", "在不在", "喂"];
    private static readonly HashSet<string> PlaceWords = ["我要点单", "点单", "我要报事", "报事", "报修", "我要报修", "下单", "我要求助", "求助"];
    private static readonly HashSet<string> RatingWords = ["我的评价", "评价", "去评价", "我要评价"];
    private static readonly HashSet<string> UnbindWords = ["解除绑定", "取消绑定", "解绑"];
    private static readonly HashSet<string> MicroWishWords = ["微心愿", "许愿", "我要许愿", "我想许愿", "许个心愿", "我想许个微心愿", "我想许个心愿", "我要许个微心愿", "许个微心愿", "我有个心愿", "我有一个心愿", "我有个微心愿", "我有一个微心愿", "发布心愿", "发布微心愿", "提交心愿", "我要发布心愿", "许个愿", "我想许个愿", "我要许个愿", "许心愿"];
    private static readonly HashSet<string> MyMicroWishWords = ["我的心愿", "我的微心愿", "心愿进度", "查心愿", "查询心愿", "心愿到哪了", "我的心愿到哪了"];
    private static readonly HashSet<string> ProjectWords = ["看看项目", "可认领的项目", "可以认领的项目", "项目", "项目清单", "认领项目", "我要认领项目", "有什么项目", "有哪些项目", "查看项目", "项目列表"];

    public static Intent Parse(string text, JsonElement? value)
    {
        if (FromValue(value) is { } fromCard) return fromCard;
        var plain = Normalize(text);
        var bare = Bare(plain);
        var orderId = OrderIdPattern().Match(plain.ToUpperInvariant()) is { Success: true } m ? m.Value : null;
        if (BindPattern().Match(plain) is { Success: true } bind) return new Intent(IntentKind.Bind, Code: bind.Groups[1].Value);
        if (UnbindWords.Contains(bare)) return new Intent(IntentKind.Unbind);
        if (Deliberation(plain, bare) is { } topic) return topic;
        if (MicroWishOrProject(plain, bare) is { } other) return other;
        if (CommunityLife(plain, bare) is { } life) return life;
        if (orderId is not null)
        {
            if (bare.StartsWith(Texts.Accept, StringComparison.Ordinal)) return new Intent(IntentKind.Accept, orderId);
            if (bare.StartsWith(Texts.Decline, StringComparison.Ordinal)) return new Intent(IntentKind.Decline, orderId);
            if (bare.StartsWith(Texts.Complete, StringComparison.Ordinal)) return new Intent(IntentKind.Complete, orderId);
            if (bare.StartsWith("取消", StringComparison.Ordinal)) return new Intent(IntentKind.CancelOrder, orderId);
            var rest = plain.ToUpperInvariant().Replace(orderId, " ");
            if (TrackingCodePattern().Match(rest) is { Success: true } code) return new Intent(IntentKind.Track, orderId, code.Value);
        }
        if (bare == Texts.Complete) return new Intent(IntentKind.Complete);
        if (CancelWords.Contains(bare)) return new Intent(IntentKind.Cancel);
        if (HelpWords.Contains(bare)) return new Intent(IntentKind.Help);
        if (GreetingWords.Contains(bare)) return new Intent(IntentKind.Greeting);
        if (PlaceWords.Contains(bare)) return new Intent(IntentKind.PlaceOrder);
        if (RatingWords.Contains(bare)) return new Intent(IntentKind.MyRatings);
        if (bare is "查进度" or "进度" or "查询" or "查询进度" or "我的工单" or "我的单子"
            || (bare.Length <= 12 && (bare.Contains("到哪了") || bare.Contains("进度") || bare.Contains("办得怎么样"))))
            return new Intent(IntentKind.Progress);
        return new Intent(IntentKind.None);
    }

    /// <summary>微心愿 (post, follow, withdraw, confirm) and 项目 (list, open the claim form) by their words.</summary>
    private static Intent? MicroWishOrProject(string plain, string bare)
    {
        var upper = plain.ToUpperInvariant();
        if (WishIdPattern().Match(upper) is { Success: true } wish)
        {
            if (bare.StartsWith("撤回", StringComparison.Ordinal) || bare.StartsWith("取消心愿", StringComparison.Ordinal)) return new Intent(IntentKind.WithdrawMicroWish, wish.Value);
            if (bare.StartsWith("确认", StringComparison.Ordinal)) return new Intent(IntentKind.ConfirmMicroWish, wish.Value);
            var rest = upper.Replace(wish.Value, " ");
            return TrackingCodePattern().Match(rest) is { Success: true } code
                ? new Intent(IntentKind.TrackMicroWish, wish.Value, code.Value)
                : new Intent(IntentKind.MyMicroWishes);
        }
        if (ProjectIdPattern().Match(plain) is { Success: true } project && bare.StartsWith("认领", StringComparison.Ordinal))
            return new Intent(IntentKind.ShowProject, project.Value);
        if (MicroWishWords.Contains(bare)) return new Intent(IntentKind.PostMicroWish);
        if (MyMicroWishWords.Contains(bare)) return new Intent(IntentKind.MyMicroWishes);
        if (ProjectWords.Contains(bare)) return new Intent(IntentKind.ListProjects);
        return null;
    }

    /// <summary>Full-width letters, digits and spaces become ASCII (NFKC); the rest is kept as typed.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>The message without spaces and punctuation, lower case: what short commands are compared on.</summary>
    public static string Bare(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c) || c == '?') sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static Intent? FromValue(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return null;
        var action = v.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        // The claim form of a project card: its inputs arrive with the button's data, in the activity's value.
        if (action == "claimProject")
            return v.TryGetProperty("projectId", out var p) && p.ValueKind == JsonValueKind.String && ProjectIdPattern().IsMatch(p.GetString()!)
                ? new Intent(IntentKind.ClaimProject, p.GetString()) : null;
        var orderId = v.TryGetProperty("orderId", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        if (orderId is null || !OrderIdPattern().IsMatch(orderId)) return null;
        return action switch
        {
            "accept" => new Intent(IntentKind.Accept, orderId),
            "decline" => new Intent(IntentKind.Decline, orderId),
            "complete" => new Intent(IntentKind.Complete, orderId),
            _ => null,
        };
    }

    public static CardActionData AcceptData(string orderId) => new("accept", orderId);

    public static CardActionData DeclineData(string orderId) => new("decline", orderId);

    [GeneratedRegex(@"GJ\d{6}-[23456789A-HJ-NP-Z]{6}")]
    private static partial Regex OrderIdPattern();

    [GeneratedRegex(@"WX\d{6}-[23456789A-HJ-NP-Z]{6}")]
    private static partial Regex WishIdPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])pj[0-9a-f]{12}(?![0-9A-Za-z])")]
    private static partial Regex ProjectIdPattern();

    [GeneratedRegex(@"(?<![A-Z0-9])[23456789A-HJ-NP-Z]{4}-?[23456789A-HJ-NP-Z]{4}(?![A-Z0-9])")]
    private static partial Regex TrackingCodePattern();

    [GeneratedRegex(@"^\s*绑定\s*[:：]?\s*(\d{6})\s*$")]
    private static partial Regex BindPattern();
}
